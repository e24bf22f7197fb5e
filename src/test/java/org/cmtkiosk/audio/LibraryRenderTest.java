package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.ContentRules;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.text.Sentences;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.RealVoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.cmtkiosk.pcm.Levels;

/** Every shipped practice rendered with the real voice: its length, its levels and its pronunciation. */
class LibraryRenderTest {
  /**
   * Words MaryTTS pronounces by rule rather than from its lexicon, reviewed by their phonemes and found right.
   * Anything new here must be listened to (or its phonemes read) and either added or rephrased.
   */
  private static final Map<String, String> REVIEWED = Map.of(
      "arm's", "' A r m z",
      "backdraft", "' b { k - d r { f t",
      "person's", "' p r= - s @ n z");
  private static MarySpeaker analyser;

  static Stream<Practice> practices() {
    return Library.load(Path.of("scripts"), new ContentRules(Defaults.config().maxSilence())).practices().stream();
  }

  @AfterAll
  static void release() {
    analyser = null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void rendersWithin15PercentOfItsStatedLengthAndUnderMinusOneDbfs(Practice p) throws Exception {
    Timeline t = new TimelineBuilder(RealVoice.speaker(), RealVoice.CONFIG.layout()).build(p, (d, n) -> { });
    double ratio = t.duration().toMillis() / (double) p.target().toMillis();
    assertTrue(Math.abs(ratio - 1) <= 0.15, p.id() + " renders to " + t.duration() + " for a target of "
        + p.target());
    float[] audio = Audio.render(t);
    assertEquals(t.length(), audio.length);
    assertTrue(Levels.toDb(Audio.peak(audio, 0, audio.length)) <= -1.0, p.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void everyWordIsInTheVoicesLexiconOrReviewed(Practice p) throws Exception {
    if (analyser == null) {
      analyser = new MarySpeaker(RealVoice.CONFIG.speech());
    }
    String text = String.join(" ", TimelineBuilder.sentences(p));
    var guessed = analyser.guessedWords(text);
    for (var word : guessed.entrySet()) {
      assertEquals(REVIEWED.get(word.getKey()), word.getValue(), p.id() + ": '" + word.getKey()
          + "' is pronounced by rule; listen to it, then rephrase or add it to REVIEWED");
    }
    assertTrue(Sentences.words(text) > 0);
  }
}
