package org.cmtkiosk.config;

import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the kiosk, as read from {@code cmt-kiosk.yaml} or defaulted. */
public record KioskConfig(Path source, Path scriptsDirectory, Duration maxSilence, Speech speech, Tone tone,
    Chime chime, Audio audio, Path journalDirectory) {

  /**
   * How speech sounds.
   *
   * @param ratePercent MaryTTS speaking rate relative to its default (negative is slower)
   * @param levelDbfs loudness of voiced speech (RMS), before the −1 dBFS peak ceiling
   */
  public record Speech(String voice, int ratePercent, int pitchPercent, Duration commaPause, Duration sentencePause,
      Duration paragraphPause, double levelDbfs, Path cacheDirectory) {

    /** Everything that changes the synthesised sound of a sentence, for the speech cache key. */
    public String styleKey() {
      return voice + "|rate" + ratePercent + "|pitch" + pitchPercent + "|comma" + commaPause.toMillis() + "|level"
          + levelDbfs;
    }
  }

  /** The breathing pacer's tone. */
  public record Tone(boolean enabled, double frequencyHz, double levelDbfs) {}

  /** The bell that opens and closes practices. */
  public record Chime(double levelDbfs) {}

  /** Live output: javax.sound buffer length and the device (empty = the system default). */
  public record Audio(Duration buffer, String device) {}
}
