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

  /** Bytes that can be written now without blocking. */
  default int available() {
    return Integer.MAX_VALUE;
  }

  /** The device buffer in bytes (0 when unknown: no underrun can then be seen). */
  default int bufferBytes() {
    return 0;
  }

  /** Starts playing what is queued (lines open stopped, so they can be filled first). */
  default void start() { }

  /** Throws away what is queued but not yet played. */
  default void flush() { }

  /** Opens a line, or says in one line why there is none. */
  interface Opener {
    PcmLine open() throws AudioUnavailableException;
  }
}
