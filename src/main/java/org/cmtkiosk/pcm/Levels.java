package org.cmtkiosk.pcm;

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
   * RMS of the voiced part only: the mean power of the 20 ms windows within 40 dB of the loudest one, so pauses
   * inside a sentence do not make it seem quiet. The gate is relative, so scaling the audio scales this exactly.
   */
  public static double activeRms(float[] s) {
    int window = Pcm.RATE_HZ / 50;
    int count = s.length / window;
    double[] windowRms = new double[count];
    double loudest = 0;
    for (int w = 0; w < count; w++) {
      windowRms[w] = rms(s, w * window, (w + 1) * window);
      loudest = Math.max(loudest, windowRms[w]);
    }
    double gate = loudest * toGain(-40);
    double sum = 0;
    int active = 0;
    for (double r : windowRms) {
      if (r > gate && r > 0) {
        sum += r * r;
        active++;
      }
    }
    return active == 0 ? 0 : Math.sqrt(sum / active);
  }

  /** Scales {@code s} in place. */
  public static void scale(float[] s, double gain) {
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (s[i] * gain);
    }
  }
}
