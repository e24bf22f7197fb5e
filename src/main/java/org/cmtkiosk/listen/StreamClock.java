package org.cmtkiosk.listen;

/**
 * Maps a recogniser's stream time (seconds of audio fed since it was opened) to {@link System#nanoTime()}, from the
 * capture time of each chunk fed. Keeps the last {@value #KEPT} chunks; older times are extrapolated from the oldest.
 * Used by the listening thread only.
 */
public final class StreamClock {
  static final int KEPT = 1024;
  private final double sampleRateHz;
  private final long[] firstSample = new long[KEPT];
  private final long[] capturedNanos = new long[KEPT];
  private int count;
  private long samplesFed;

  public StreamClock(double sampleRateHz) {
    this.sampleRateHz = sampleRateHz;
  }

  /** {@code samples} more were fed; the first of them was captured at {@code capturedAtNanos}. */
  public void fed(int samples, long capturedAtNanos) {
    int at = count % KEPT;
    firstSample[at] = samplesFed;
    capturedNanos[at] = capturedAtNanos;
    count++;
    samplesFed += samples;
  }

  /** Samples fed so far. */
  public long samplesFed() {
    return samplesFed;
  }

  /** Stream time of everything fed so far, in seconds. */
  public double secondsFed() {
    return samplesFed / sampleRateHz;
  }

  /** When the sample at {@code streamSeconds} was captured (System.nanoTime); 0 before anything was fed. */
  public long nanosAt(double streamSeconds) {
    if (count == 0) {
      return 0;
    }
    long sample = Math.round(streamSeconds * sampleRateHz);
    int oldest = Math.max(0, count - KEPT);
    int chosen = oldest;
    for (int i = count - 1; i >= oldest; i--) {
      if (firstSample[i % KEPT] <= sample) {
        chosen = i;
        break;
      }
    }
    int at = chosen % KEPT;
    return capturedNanos[at] + Math.round((sample - firstSample[at]) * 1e9 / sampleRateHz);
  }
}
