package org.cmtkiosk.speech;

/** Speech could not be produced: the voice is missing, MaryTTS failed to start, or the text was refused. */
public final class SpeechException extends Exception {
  private static final long serialVersionUID = 1L;

  public SpeechException(String message, Throwable cause) {
    super(message, cause);
  }
}
