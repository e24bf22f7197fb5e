package org.cmtkiosk.listen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cmtkiosk.pcm.Resampling;
import org.cmtkiosk.pcm.WavFiles;

/**
 * A WAV file as the microphone ({@code --mic-file}): any rate, size or channel count, converted for the recognisers.
 * Each chunk's capture time is when it would have been captured had the file been playing since it was opened
 * (real time: since its first chunk was taken).
 */
public final class WavFileMic implements MicSource {
  private static final int CHUNK_SAMPLES = 1600;
  /** About 11 minutes of CD-quality stereo, or 35 at 16 kHz mono: enough for any test, small enough for the heap. */
  static final long MAX_BYTES = 64L * 1024 * 1024;
  private final byte[] pcm;
  private final boolean realTime;
  private int pos;
  private long startNanos = -1;
  private final long fileStartNanos = System.nanoTime();

  /** @param realTime hand out audio no faster than it would be spoken (for a live practice) */
  public WavFileMic(Path file, boolean realTime) throws IOException {
    this.pcm = toVoskFormat(file);
    this.realTime = realTime;
  }

  /** Reads {@code file} and converts it to 16 kHz, 16-bit, mono, little-endian bytes. */
  static byte[] toVoskFormat(Path file) throws IOException {
    checkSize(file);
    WavFiles.Mono mono = WavFiles.readMono(file);
    return WavFiles.toPcm16(Resampling.resample(mono.samples(), mono.rateHz(), FORMAT.getSampleRate()));
  }

  /** A regular file no larger than {@link #MAX_BYTES}: a FIFO would block, a sparse 2 GB file would not fit. */
  static void checkSize(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + (Files.exists(file) ? " is not a regular file" : " does not exist")
          + " — name a .wav file for --mic-file");
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IOException(file + " is " + size / (1024 * 1024) + " MiB, more than the " + MAX_BYTES / (1024 * 1024)
          + " MiB a --mic-file may be — use a recording of a few minutes, e.g. sox in.wav out.wav trim 0 5:00");
    }
  }

  /** How long the file lasts. */
  public Duration duration() {
    return Duration.ofMillis(pcm.length / 2 * 1000L / (long) FORMAT.getSampleRate());
  }

  @Override
  public Chunk next(Duration timeout) throws InterruptedException {
    if (pos >= pcm.length) {
      return null;
    }
    if (realTime) {
      long now = System.nanoTime();
      startNanos = startNanos < 0 ? now : startNanos;
      long due = startNanos + pos / 2 * 1_000_000_000L / (long) FORMAT.getSampleRate();
      if (due > now) {
        Thread.sleep(Math.min(timeout.toMillis(), (due - now) / 1_000_000 + 1));
        return Chunk.NONE;
      }
    }
    int n = Math.min(CHUNK_SAMPLES * 2, pcm.length - pos);
    byte[] chunk = java.util.Arrays.copyOfRange(pcm, pos, pos + n);
    long start = realTime ? startNanos : fileStartNanos;
    long captured = start + Math.round(pos / 2 * 1e9 / FORMAT.getSampleRate());
    pos += n;
    return new Chunk(chunk, captured);
  }

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  public void close() { }
}
