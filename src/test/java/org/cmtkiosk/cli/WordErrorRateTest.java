package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
  @Test
  void wordsAreWrittenAsTheRecogniserWritesThem() {
    assertEquals(List.of("notice", "the", "color", "it's", "a", "self", "criticism", "practice"),
        WordErrorRate.words("Notice the colour: it’s a self-criticism — practise!"));
    assertEquals(List.of(), WordErrorRate.words("  ...  "));
  }

  @Test
  void eachKindOfErrorIsCountedOnceAgainstTheReferenceLength() {
    List<String> said = List.of("you", "are", "here", "in", "this", "room", "now");
    List<String> heard = List.of("your", "hair", "in", "this", "big", "room", "now");
    WordErrorRate.Score score = WordErrorRate.score(said, heard);
    assertEquals(7, score.referenceWords());
    assertEquals(new WordErrorRate.Score(7, 2, 1, 1), score);
    assertEquals(4.0 / 7, score.rate(), 1e-9);
    assertEquals(4, WordErrorRate.edits(said, heard).size());
    assertTrue(WordErrorRate.edits(said, heard).contains("+big"));
  }

  @Test
  void aPerfectTranscriptScoresZeroAndSilenceScoresOne() {
    List<String> said = List.of("say", "stop", "or", "press", "the", "button", "once");
    assertEquals(0.0, WordErrorRate.score(said, said).rate());
    WordErrorRate.Score nothing = WordErrorRate.score(said, List.of());
    assertEquals(7, nothing.deletions());
    assertEquals(1.0, nothing.rate());
    assertEquals(new WordErrorRate.Score(14, 0, 14, 0), nothing.plus(nothing));
  }
}
