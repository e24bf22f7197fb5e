package org.cmtkiosk.audio;

/** Decibel arithmetic and level measurements on float samples. */
public final class Levels {
  private Levels() {}

  public static double toGain(double db) {
    return Math.pow(10, db / 20);
  }

  public static double toDb(double gain) {
    return 20 * Math.log10(Math.max(gain, 1e-12));
  }

  public static double peak(float[] s, int from, int to) {
    double peak = 0;
    for (int i = from; i < to; i++) {
      peak = Math.max(peak, Math.abs(s[i]));
    }
    return peak;
  }

  public static double rms(float[] s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += s[i] * (double) s[i];
    }
    return to > from ? Math.sqrt(sum / (to - from)) : 0;
  }

  /**
   * RMS of the voiced part only: the mean power of 20 ms windows louder than −45 dBFS, so pauses inside a
   * sentence do not make it seem quiet.
   */
  public static double activeRms(float[] s) {
    int window = Pcm.RATE_HZ / 50;
    double sum = 0;
    int count = 0;
    double gate = toGain(-45);
    for (int from = 0; from + window <= s.length; from += window) {
      double r = rms(s, from, from + window);
      if (r > gate) {
        sum += r * r;
        count++;
      }
    }
    return count == 0 ? 0 : Math.sqrt(sum / count);
  }

  /** Scales {@code s} in place. */
  public static void scale(float[] s, double gain) {
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (s[i] * gain);
    }
  }
}
