package org.cmtkiosk.listen;

/** What the recogniser made of an utterance. Not understanding is an ordinary result, not an error. */
public sealed interface Heard {
  /** A command from the vocabulary, e.g. "stop" or "go on". */
  record CommandHeard(Command command, String words) implements Heard {}

  /** A number from zero to ten, answering a question. */
  record NumberHeard(int value) implements Heard {}

  /** A practice chosen by its spoken name. */
  record PracticeHeard(String spokenName) implements Heard {}

  /** Speech that was not one of the expected phrases, or not clearly enough. */
  record NotUnderstood(String words) implements Heard {}

  /** Nothing to act on: silence, or speech heard while the device itself was talking. */
  record Ignored(String why) implements Heard {}
}
