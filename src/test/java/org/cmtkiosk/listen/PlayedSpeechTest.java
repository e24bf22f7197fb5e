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
  void whatTheDeviceWasDueToSayAfterItFellSilentIsForgotten() {
    PlayedSpeech played = PlayedSpeech.reported();
    played.played("Welcome.", 1_000, 2_000);
    played.played("Say stop, or press the button once.", 2_000, 4_000);
    played.played("You can stop at any time.", 4_000, 6_000);

    played.cutAt(2_500);

    assertTrue(played.said("stop", 2_100, 2_200), "what it did say before falling silent is still its own");
    assertTrue(played.said("welcome", 1_500, 1_600));
    assertFalse(played.said("stop", 2_501, 3_000), "the rest of the sentence was never said");
    assertFalse(played.said("time", 4_000, 6_000), "nor the sentence after it");
    assertFalse(played.speaking(2_501, 10_000));
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
