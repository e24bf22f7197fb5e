package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Vosk native library, which ships for x86-64 and so loads in CI; and the messages when a model is absent. */
class VoskTest {
  @TempDir
  Path dir;

  @Test
  void theNativeLibraryLoads() throws Exception {
    VoskRecogniser.loadNativeLibrary();
  }

  @Test
  void aMissingModelSaysWhereToGetIt() {
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class,
        () -> VoskRecogniser.model(dir.resolve("vosk-model-small-en-us-0.15")));
    assertTrue(e.getMessage().startsWith("no Vosk model at " + dir.resolve("vosk-model-small-en-us-0.15")),
        e::getMessage);
    assertTrue(e.getMessage().contains("set voice.model"), e::getMessage);
  }

  @Test
  void anIncompleteModelIsNamed() {
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class, () -> VoskRecogniser.model(dir));
    assertTrue(e.getMessage().contains("is incomplete (no am/ or conf/ folder)"), e::getMessage);
  }

  @Test
  void aDamagedModelIsRefusedWithoutCrashing() throws Exception {
    Files.createDirectories(dir.resolve("am"));
    Files.createDirectories(dir.resolve("conf"));
    VoiceUnavailableException e = assertThrows(VoiceUnavailableException.class, () -> VoskRecogniser.model(dir));
    assertTrue(e.getMessage().contains("could not be loaded"), e::getMessage);
  }
}
