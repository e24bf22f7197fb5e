package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cmtkiosk.config.Defaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the engine, and one clear line naming what to install when it cannot run. */
class EnginesTest {
  @TempDir
  Path dir;

  private VoiceSettings settings(VoiceSettings.Engine engine) {
    VoiceSettings d = Defaults.config().voice();
    return new VoiceSettings(engine, dir.resolve("no-vosk-model"), dir.resolve("no-pocketsphinx-model"),
        d.microphone(), d.confidence(), d.bargeInConfidence(), d.outputLatency(), d.echoMargin(), d.words());
  }

  @Test
  void offIsSaidPlainly() {
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class,
        () -> Engines.of(settings(VoiceSettings.Engine.OFF), s -> { }));
    assertEquals("voice.engine is off in the config", e.getMessage());
  }

  @Test
  void aMissingPocketSphinxModelNamesThePackageToInstall() {
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class,
        () -> Engines.of(settings(VoiceSettings.Engine.POCKETSPHINX), s -> { }));
    assertTrue(e.getMessage().startsWith("no PocketSphinx model at " + dir.resolve("no-pocketsphinx-model")),
        e::getMessage);
    assertTrue(e.getMessage().contains("install the Debian package pocketsphinx-en-us"), e::getMessage);
  }

  @Test
  void autoIsVoskWhereItsModelIsAndOtherwiseOffWithWhatToDo() throws Exception {
    VoiceSettings auto = settings(VoiceSettings.Engine.AUTO);
    assertEquals(VoiceSettings.Engine.OFF, Engines.resolve(auto), "PocketSphinx's measured figures miss the targets");
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class, () -> Engines.of(auto, s -> { }));
    assertTrue(e.getMessage().startsWith("no Vosk model at " + dir.resolve("no-vosk-model")), e::getMessage);
    assertTrue(e.getMessage().contains("or set voice.engine: pocketsphinx"), e::getMessage);

    Files.createDirectories(auto.voskModel().resolve("am"));
    assertEquals(VoiceSettings.Engine.VOSK, Engines.resolve(auto));
  }

  @Test
  void pocketSphinxIsOnlyForAutoWhenItsMeasuredFiguresMeetBothTargets() {
    assertTrue(Engines.meetsTargets(0.95, 1.0));
    assertFalse(Engines.meetsTargets(0.99, 1.1), "too many false commands");
    assertFalse(Engines.meetsTargets(0.949, 0), "too few commands right at 10 dB");
    assertEquals(Engines.meetsTargets(Engines.POCKETSPHINX_CORRECT_AT_10_DB, Engines.POCKETSPHINX_FALSE_PER_HOUR),
        Engines.resolve(settings(VoiceSettings.Engine.AUTO)) == VoiceSettings.Engine.POCKETSPHINX);
  }
}
