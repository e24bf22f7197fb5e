package org.cmtkiosk.listen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Offline voice commands (the {@code voice} section of the config).
 *
 * @param engine which recogniser listens (auto: Vosk where its model is installed, else PocketSphinx where its
 *     library and model are installed, else none)
 * @param voskModel the unpacked Vosk model folder
 * @param pocketsphinxModel the folder holding PocketSphinx's acoustic model ({@code en-us/}) and dictionary
 * @param microphone part of the input device's name, or empty for the default
 * @param confidence every word of a command must be at least this sure (0..1)
 * @param bargeInConfidence the bar while the device itself is speaking (only stop, pause, too much)
 * @param outputLatency how long the device's own sound takes to reach the microphone after it is reported played
 * @param echoMargin how far apart a heard word and the device saying that word may be and still be its own voice
 * @param words each command's phrases, e.g. STOP → [stop, end, finish]
 */
public record VoiceSettings(Engine engine, Path voskModel, Path pocketsphinxModel, String microphone,
    double confidence, double bargeInConfidence, Duration outputLatency, Duration echoMargin,
    Map<Command, List<String>> words) {

  /** The recogniser to use. */
  public enum Engine { AUTO, VOSK, POCKETSPHINX, OFF }

  public VoiceSettings {
    words = Map.copyOf(words);
  }

  /** Whether voice control is wanted at all. */
  public boolean enabled() {
    return engine != Engine.OFF;
  }

  /** The same settings with another engine. */
  public VoiceSettings withEngine(Engine other) {
    return new VoiceSettings(other, voskModel, pocketsphinxModel, microphone, confidence, bargeInConfidence,
        outputLatency, echoMargin, words);
  }
}
