package org.cmtkiosk.testing;

import java.nio.file.Path;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.speech.CachedSpeaker;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechCache;

/** The real MaryTTS voice with the default settings, started once per test run and cached under target/. */
public final class RealVoice {
  public static final KioskConfig CONFIG = Defaults.config();
  private static CachedSpeaker speaker;

  private RealVoice() {}

  public static synchronized CachedSpeaker speaker() {
    if (speaker == null) {
      speaker = new CachedSpeaker(new SpeechCache(Path.of("target/test-speech-cache"), CONFIG.speech().styleKey()),
          () -> new MarySpeaker(CONFIG.speech()));
    }
    return speaker;
  }
}
