package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cmtkiosk.listen.PlayedSpeech;
import org.junit.jupiter.api.Test;

/** The device's own words are known sentence by sentence, so a person's "stop" is ignored only where it overlaps. */
class SpokenTimesTest {
  private static final long S = 1_000_000_000L;

  @Test
  void eachSentenceHoldsItsShareOfThePassageTime() {
    PlayedSpeech played = PlayedSpeech.reported();
    SpokenTimes.passage(played, "Let the breath settle in its own time. You can say stop at any moment.", 0, 10 * S);

    assertTrue(played.said("stop", 7 * S, 8 * S), "stop is in the second sentence, said in the second half");
    assertFalse(played.said("stop", 1 * S, 2 * S), "the first sentence has no stop: a person's stop then counts");
    assertTrue(played.said("breath", 1 * S, 2 * S));
  }

  @Test
  void nothingIsOwnSpeechAfterThePassage() {
    PlayedSpeech played = PlayedSpeech.reported();
    SpokenTimes.passage(played, "Say stop whenever you wish.", 0, 2 * S);

    assertFalse(played.said("stop", 5 * S, 6 * S));
  }
}
