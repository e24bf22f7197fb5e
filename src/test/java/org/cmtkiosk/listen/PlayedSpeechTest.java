package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The device's own speech history: reported sentences with their words, or a sampled "speaking now" flag. */
class PlayedSpeechTest {
  @Test
  void aReportedSentenceKnowsItsWordsAndWhenItWasPlayed() {
    PlayedSpeech played = PlayedSpeech.reported();
    played.played("Say stop, or press the button once.", 1_000, 2_000);
    assertTrue(played.said("stop", 1_500, 1_600));
    assertTrue(played.said("STOP", 1_900, 2_500), "overlapping the end");
    assertFalse(played.said("stop", 2_001, 3_000), "after it");
    assertFalse(played.said("pause", 1_500, 1_600), "a word it did not say");
    assertTrue(played.speaking(0, 1_000));
    assertFalse(played.speaking(2_001, 5_000));
  }

  @Test
  void aSampledFlagBecomesSpansOfSpeakingWithoutWords() {
    AtomicBoolean speaking = new AtomicBoolean();
    PlayedSpeech played = PlayedSpeech.sampling(speaking::get);
    played.observe(100);
    speaking.set(true);
    played.observe(200);
    played.observe(300);
    played.observe(400);
    speaking.set(false);
    played.observe(500);
    speaking.set(true);
    played.observe(900);
    assertTrue(played.speaking(250, 260), "inside the first span");
    assertFalse(played.speaking(450, 850), "between the spans");
    assertTrue(played.speaking(880, 950));
    assertFalse(played.said("stop", 0, 1_000), "the words are unknown, so never 'said'");
  }
}
