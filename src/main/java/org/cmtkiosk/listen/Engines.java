package org.cmtkiosk.listen;

import java.nio.file.Files;
import java.util.function.Consumer;

/** Chooses and checks the recogniser engine the settings ask for. */
public final class Engines {
  private Engines() {}

  /** The target for commands heard right at 10 dB SNR (pink and white noise together), from 0 to 1. */
  public static final double TARGET_CORRECT_AT_10_DB = 0.95;
  /** The target for false commands an hour of ordinary speech. */
  public static final double TARGET_FALSE_PER_HOUR = 1;
  /**
   * What {@code bench voice} measured for PocketSphinx here (README, Voice commands, with the date): commands right at
   * 10 dB SNR, and false commands an hour of ordinary speech.
   */
  static final double POCKETSPHINX_CORRECT_AT_10_DB = 0.703;
  static final double POCKETSPHINX_FALSE_PER_HOUR = 8.8;

  /** Whether measured figures meet both targets; auto picks PocketSphinx only if its figures do. */
  static boolean meetsTargets(double correctAt10Db, double falsePerHour) {
    return correctAt10Db >= TARGET_CORRECT_AT_10_DB && falsePerHour <= TARGET_FALSE_PER_HOUR;
  }

  /**
   * The engine of {@code settings}, with its library and model checked; auto is Vosk where its model is installed,
   * else PocketSphinx only if its measured figures met both targets, else none. Throws with one line naming what to
   * install or set when none can run.
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
    if (Files.isDirectory(settings.voskModel().resolve("am"))) {
      return VoiceSettings.Engine.VOSK;
    }
    return meetsTargets(POCKETSPHINX_CORRECT_AT_10_DB, POCKETSPHINX_FALSE_PER_HOUR)
        ? VoiceSettings.Engine.POCKETSPHINX : VoiceSettings.Engine.OFF;
  }

  private static RecogniserEngine auto(VoiceSettings settings, Consumer<String> log)
      throws VoiceUnavailableException {
    VoiceSettings.Engine chosen = resolve(settings);
    if (chosen == VoiceSettings.Engine.VOSK) {
      return VoskRecogniser.engine(settings.voskModel());
    }
    if (chosen == VoiceSettings.Engine.POCKETSPHINX) {
      return pocketSphinx(settings, log);
    }
    throw new VoiceUnavailableException("no Vosk model at " + settings.voskModel() + " (voice.model) — install "
        + VoskRecogniser.MODEL_NAME + " there (the installer does), or set voice.engine: pocketsphinx to use "
        + "PocketSphinx, which hears more false commands (README, Voice commands)");
  }

  private static RecogniserEngine pocketSphinx(VoiceSettings settings, Consumer<String> log)
      throws VoiceUnavailableException {
    return PocketSphinxRecogniser.engine(settings.pocketsphinxModel(), PocketSphinxRecogniser.Tuning.DEFAULT, log);
  }
}
