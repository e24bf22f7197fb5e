package org.cmtkiosk.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code parec}: 48 kHz mono, read as it arrives, so a test can watch the level live and note which recorded
 * sample was playing at a moment of its own (when it pressed a key or sent a signal).
 *
 * <p>Timing: parec asks for 10 ms fragments, which also keeps the null sink rendering at most about 10 ms ahead.
 * The stream's start time is estimated as the earliest (arrival time − duration received) over all reads, so
 * {@link #sampleAt} is the sample heard at that moment within roughly ±10 ms.
 */
public final class Recorder implements AutoCloseable {
  public static final int RATE_HZ = 48_000;

  private final Process process;
  private final Thread reader;
  private byte[] bytes = new byte[RATE_HZ * 2 * 60];
  private int length;
  private long epochNanos = Long.MAX_VALUE;
  private volatile IOException failure;

  private Recorder(Process process) {
    this.process = process;
    this.reader = new Thread(this::readAll, "parec-reader");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  static Recorder start(ProcessBuilder parec) throws IOException {
    return new Recorder(parec.redirectError(ProcessBuilder.Redirect.DISCARD).start());
  }

  private void readAll() {
    byte[] chunk = new byte[4096];
    try (InputStream in = process.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        append(chunk, n, System.nanoTime());
      }
    } catch (IOException e) {
      failure = e;
    }
  }

  private synchronized void append(byte[] chunk, int n, long now) {
    if (length + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
    }
    System.arraycopy(chunk, 0, bytes, length, n);
    length += n;
    epochNanos = Math.min(epochNanos, now - (long) (length / 2 * 1e9 / RATE_HZ));
  }

  /** Samples received so far. */
  public synchronized int samples() {
    return length / 2;
  }

  /** The index of the sample that was playing at {@code nanoTime} (a {@link System#nanoTime} reading). */
  public synchronized long sampleAt(long nanoTime) {
    return Math.round((nanoTime - epochNanos) * RATE_HZ / 1e9);
  }

  /** The {@link System#nanoTime} at which recorded sample {@code index} was playing (the inverse of {@link #sampleAt}). */
  public synchronized long nanoTimeOf(long index) {
    return epochNanos + Math.round(index * 1e9 / RATE_HZ);
  }

  /** Everything recorded so far. */
  public synchronized Wave snapshot() {
    return Wave.fromPcm16(Arrays.copyOf(bytes, length & ~1), 1, RATE_HZ, false);
  }

  /**
   * Waits until every 10 ms of the last {@code steady} peaked between {@code minDbfs} and {@code maxDbfs} (for
   * example the breathing tone held at its top); false if that did not happen within {@code timeout}.
   */
  public boolean awaitLevel(double minDbfs, double maxDbfs, Duration steady, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int window = RATE_HZ / 100;
    int windows = (int) (steady.toMillis() / 10);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (lastWindowsWithin(window, windows, Wave.dbfsToLinear(minDbfs), Wave.dbfsToLinear(maxDbfs))) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** Waits until at least {@code length} of audio has been recorded (the recording is under way). */
  public boolean awaitSamples(Duration length, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && samples() < length.toMillis() * RATE_HZ / 1000) {
      Thread.sleep(5);
    }
    return samples() >= length.toMillis() * RATE_HZ / 1000;
  }

  /** Waits until something at least {@code dbfs} loud has been recorded. */
  public boolean awaitSound(double dbfs, Duration timeout) throws InterruptedException {
    return awaitLevel(dbfs, 0, Duration.ofMillis(10), timeout);
  }

  private synchronized boolean lastWindowsWithin(int window, int windows, double min, double max) {
    int n = length / 2;
    if (n < window * windows) {
      return false;
    }
    for (int w = 0; w < windows; w++) {
      int end = n - w * window;
      double peak = 0;
      for (int i = end - window; i < end; i++) {
        peak = Math.max(peak, Math.abs((short) ((bytes[2 * i + 1] << 8) | (bytes[2 * i] & 0xff)) / 32768.0));
      }
      if (peak < min || peak > max) {
        return false;
      }
    }
    return true;
  }

  /** Ends the recording and returns it. */
  public Wave stop() throws IOException {
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    if (failure != null && length == 0) {
      throw failure;
    }
    return snapshot();
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
