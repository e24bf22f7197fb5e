package org.cmtkiosk.audio;

/** An open output for 16-bit mono PCM at the timeline rate: a javax.sound line, or a fake in tests. */
public interface PcmLine {
  /** Writes (blocking while the buffer is full); returns bytes written. Throws if the device has gone. */
  int write(byte[] bytes, int offset, int length);

  /** Frames played out of the speaker since the line opened. */
  long framesPlayed();

  /** Waits until everything written has been played. */
  void drain();

  void close();

  /** Opens a line, or says in one line why there is none. */
  interface Opener {
    PcmLine open() throws AudioUnavailableException;
  }
}
