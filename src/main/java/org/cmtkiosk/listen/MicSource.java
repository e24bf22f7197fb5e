package org.cmtkiosk.listen;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;

/** Audio for the recogniser: 16 kHz, 16-bit, mono, little-endian PCM, in chunks. */
public interface MicSource extends AutoCloseable {
  /** The format Vosk needs. TarsosDSP's fromDefaultMicrophone opens big-endian audio, which Vosk cannot use. */
  AudioFormat FORMAT = new AudioFormat(16_000, 16, 1, true, false);

  /**
   * Audio captured together: 16-bit little-endian samples, and when the first of them was captured
   * ({@link System#nanoTime()}).
   */
  record Chunk(byte[] pcm, long capturedNanos) {
    /** No audio yet. */
    public static final Chunk NONE = new Chunk(new byte[0], 0);

    /** How many samples the chunk holds. */
    public int samples() {
      return pcm.length / 2;
    }
  }

  /** The next chunk, waiting up to {@code timeout}: empty if none yet, null once the input has ended (a file). */
  Chunk next(Duration timeout) throws InterruptedException;

  /** Chunks thrown away because the recogniser fell behind. */
  long dropped();

  @Override
  void close();
}
