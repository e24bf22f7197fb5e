package org.cmtkiosk.listen;

/** Voice control cannot run; the message says what is missing and how to get it, in one line. */
public final class VoiceUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public VoiceUnavailableException(String message) {
    super(message);
  }
}
