package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Vosk native library, which ships for x86-64 and so loads in CI; and the messages when a model is absent. */
class VoskTest {
  @TempDir
  Path dir;

  @Test
  void vosksResultJsonBecomesTypedWordsWithTimesAndConfidences() {
    String json = "{\n  \"result\" : [{\n      \"conf\" : 0.93,\n      \"end\" : 1.11,\n      \"start\" : 0.87,\n"
        + "      \"word\" : \"go\"\n    }, {\n      \"conf\" : 0.81,\n      \"end\" : 1.5,\n      \"start\" : 1.2,\n"
        + "      \"word\" : \"on\"\n    }],\n  \"text\" : \"go on\"\n}";
    Recognition.Words words = (Recognition.Words) VoskRecogniser.typed(json).orElseThrow();
    assertEquals(List.of(new Recognition.Word("go", 0.87, 1.11, 0.93), new Recognition.Word("on", 1.2, 1.5, 0.81)),
        words.words());
    assertEquals("go on", words.text());
    assertEquals(0.81, words.minConfidence(), 1e-9);
  }

  @Test
  void unknownSpeechIsNotRecognisedAndSilenceIsNothing() {
    String unk = "{\"result\" : [{\"conf\" : 1.0, \"end\" : 2.4, \"start\" : 1.0, \"word\" : \"[unk]\"}],"
        + " \"text\" : \"[unk]\"}";
    assertEquals(Optional.of(new Recognition.NotRecognised(1.0, 2.4)), VoskRecogniser.typed(unk));
    String inside = "{\"result\" : [{\"conf\" : 1.0, \"end\" : 1.4, \"start\" : 1.0, \"word\" : \"[unk]\"},"
        + " {\"conf\" : 0.9, \"end\" : 1.8, \"start\" : 1.5, \"word\" : \"too\"},"
        + " {\"conf\" : 0.8, \"end\" : 2.2, \"start\" : 1.8, \"word\" : \"much\"}], \"text\" : \"[unk] too much\"}";
    Recognition.Words words = (Recognition.Words) VoskRecogniser.typed(inside).orElseThrow();
    assertEquals("[unk] too much", words.text(), "kept, so that the way out is found inside it");
    assertEquals(0.8, words.minConfidence(), 1e-9, "[unk] is not part of the phrase");
    assertEquals(Optional.empty(), VoskRecogniser.typed("{\"text\" : \"\"}"));
    assertEquals(Optional.empty(), VoskRecogniser.typed("not json"));
  }

  @Test
  void theGrammarEndsWithUnk() {
    assertEquals("[\"stop\", \"go on\", \"[unk]\"]", VoskRecogniser.grammar(List.of("stop", "go on")));
  }

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
