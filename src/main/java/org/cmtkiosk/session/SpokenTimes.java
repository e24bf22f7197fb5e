package org.cmtkiosk.session;

import java.util.List;
import org.cmtkiosk.listen.PlayedSpeech;
import org.cmtkiosk.text.Sentences;

/**
 * Tells the recogniser's own-speech check which words the speaker is saying when: a passage heard from one time to
 * another is split into its sentences, each given a share of the time by its length, so a person's "stop" is only
 * ignored while the device itself is saying a sentence with "stop" in it.
 */
final class SpokenTimes {
  private SpokenTimes() {}

  /** {@code text} is heard from {@code fromNanos} to {@code toNanos} (System.nanoTime). */
  static void passage(PlayedSpeech played, String text, long fromNanos, long toNanos) {
    List<String> sentences = Sentences.of(text);
    long letters = Math.max(1, sentences.stream().mapToLong(String::length).sum());
    long span = Math.max(0, toNanos - fromNanos);
    long at = fromNanos;
    for (String s : sentences) {
      long next = at + span * s.length() / letters;
      played.played(s, at, next);
      at = next;
    }
  }
}
