package org.cmtkiosk.listen;

/**
 * What the device itself played, so that the microphone hearing it is not taken for a person. Times are
 * {@link System#nanoTime()} values of when the sound left the speaker.
 */
public interface OwnSpeech {
  /** Nothing is ever played (tests, and voice without a speaker). */
  OwnSpeech NONE = new OwnSpeech() {
    @Override
    public boolean speaking(long fromNanos, long toNanos) {
      return false;
    }

    @Override
    public boolean said(String word, long fromNanos, long toNanos) {
      return false;
    }
  };

  /** Whether the device was playing speech at any moment between the two times. */
  boolean speaking(long fromNanos, long toNanos);

  /** Whether the device was saying {@code word} (lower case) at any moment between the two times. */
  boolean said(String word, long fromNanos, long toNanos);

  /**
   * Called by the listening loop with each chunk of microphone audio (with the time it is taken), so that an
   * implementation that can only look at "is the device speaking now" builds its history (see
   * {@link PlayedSpeech#sampling}).
   */
  default void observe(long nowNanos) { }
}
