package org.cmtkiosk.session;

/**
 * A way a person reaches the kiosk that the live session owns: the keyboard, the voice, the button. The session
 * opens it, closes it, and opens it again after it reports a failure.
 */
public interface Input {
  /** For messages, e.g. "voice control". */
  String name();

  /** Starts delivering to {@code sink}; throws, with a message saying what is missing and the fix, if it can't. */
  AutoCloseable open(InputSink sink) throws Exception;
}
