package org.cmtkiosk.listen;

import java.nio.file.Files;
import java.util.function.Consumer;

/** Chooses and checks the recogniser engine the settings ask for. */
public final class Engines {
  private Engines() {}

  /**
   * The engine of {@code settings}, with its library and model checked; auto is Vosk where its model is installed,
   * else PocketSphinx. Throws with one line naming what to install when none can run.
   */
  public static RecogniserEngine of(VoiceSettings settings, Consumer<String> log) throws VoiceUnavailableException {
    return switch (settings.engine()) {
      case OFF -> throw new VoiceUnavailableException("voice.engine is off in the config");
      case VOSK -> VoskRecogniser.engine(settings.voskModel());
      case POCKETSPHINX -> pocketSphinx(settings, log);
      case AUTO -> auto(settings, log);
    };
  }

  /** The engine auto would pick now, without loading anything. */
  public static VoiceSettings.Engine resolve(VoiceSettings settings) {
    if (settings.engine() != VoiceSettings.Engine.AUTO) {
      return settings.engine();
    }
    return Files.isDirectory(settings.voskModel().resolve("am")) ? VoiceSettings.Engine.VOSK
        : VoiceSettings.Engine.POCKETSPHINX;
  }

  private static RecogniserEngine auto(VoiceSettings settings, Consumer<String> log)
      throws VoiceUnavailableException {
    if (resolve(settings) == VoiceSettings.Engine.VOSK) {
      return VoskRecogniser.engine(settings.voskModel());
    }
    try {
      return pocketSphinx(settings, log);
    } catch (VoiceUnavailableException e) {
      throw new VoiceUnavailableException("no recogniser is installed: no Vosk model at " + settings.voskModel()
          + " (voice.model), and " + e.getMessage());
    }
  }

  private static RecogniserEngine pocketSphinx(VoiceSettings settings, Consumer<String> log)
      throws VoiceUnavailableException {
    return PocketSphinxRecogniser.engine(settings.pocketsphinxModel(), PocketSphinxRecogniser.Tuning.DEFAULT, log);
  }
}
