package org.cmtkiosk.audio;

/** There is no usable sound output; the message is one line saying why. */
public final class AudioUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public AudioUnavailableException(String message) {
    super(message);
  }
}
