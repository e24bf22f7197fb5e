package org.cmtkiosk.listen;

import java.nio.file.Files;
import java.util.function.Consumer;

/** Chooses and checks the recogniser engine the settings ask for. */
public final class Engines {
  private Engines() {}

  /**
   * Whether PocketSphinx met the false-command target (at most one an hour) in {@code bench voice} here; until it
   * does, auto never picks it (README, Voice commands). It is used where {@code voice.engine: pocketsphinx} asks.
   */
  static final boolean POCKETSPHINX_MEETS_TARGET = false;

  /**
   * The engine of {@code settings}, with its library and model checked; auto is Vosk where its model is installed,
   * else PocketSphinx only if it met the false-command target, else none. Throws with one line naming what to
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
    return POCKETSPHINX_MEETS_TARGET ? VoiceSettings.Engine.POCKETSPHINX : VoiceSettings.Engine.OFF;
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
