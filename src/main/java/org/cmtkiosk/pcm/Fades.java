package org.cmtkiosk.pcm;

/** Raised-cosine fades, so nothing starts or stops with a click. */
public final class Fades {
  private Fades() {}

  /** Fades the first and last {@code length} samples of {@code s} in place. */
  public static void fadeEdges(float[] s, int length) {
    int n = Math.min(length, s.length / 2);
    for (int i = 0; i < n; i++) {
      float g = (float) rise(i / (double) n);
      s[i] *= g;
      s[s.length - 1 - i] *= g;
    }
  }

  /** Smooth 0→1 over x in [0, 1] with zero slope at both ends. */
  public static double rise(double x) {
    double c = Math.max(0, Math.min(1, x));
    return 0.5 - 0.5 * Math.cos(Math.PI * c);
  }
}
