package org.cmtkiosk.audio;

import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Fades;
import org.cmtkiosk.pcm.Levels;

/**
 * A soft bell: a few inharmonic partials with a gentle 15 ms attack and long decays, synthesised with TarsosDSP so
 * no audio asset has to ship. Peaks at {@code levelDbfs}.
 */
public final class Chime {
  private static final double BASE_HZ = 528;
  private static final double[] RATIOS = {1.0, 2.01, 2.76, 4.1};
  private static final double[] GAINS = {1.0, 0.35, 0.22, 0.08};
  private static final double[] DECAY_S = {1.6, 0.9, 0.6, 0.35};
  private static final double LENGTH_S = 4.0;

  private Chime() {}

  /** The soft "heard you" sound: two quick rising notes, 160 ms, quiet. */
  public static Pcm acknowledgement(double levelDbfs) {
    int half = Pcm.RATE_HZ * 80 / 1000;
    float[] out = new float[2 * half];
    float[] low = new Oscillator(660, 1).next(half);
    float[] high = new Oscillator(880, 1).next(half);
    System.arraycopy(low, 0, out, 0, half);
    System.arraycopy(high, 0, out, half, half);
    for (int i = 0; i < out.length; i++) {
      int inNote = i % half;
      out[i] *= (float) (Fades.rise(Math.min(inNote, half - inNote) / (Pcm.RATE_HZ * 0.01)));
    }
    Levels.scale(out, Levels.toGain(levelDbfs));
    return new Pcm(out);
  }

  public static Pcm synthesise(double levelDbfs) {
    int n = (int) (LENGTH_S * Pcm.RATE_HZ);
    float[] out = new float[n];
    for (int p = 0; p < RATIOS.length; p++) {
      float[] partial = new Oscillator(BASE_HZ * RATIOS[p], GAINS[p]).next(n);
      for (int i = 0; i < n; i++) {
        out[i] += (float) (partial[i] * Math.exp(-i / (DECAY_S[p] * Pcm.RATE_HZ)));
      }
    }
    int attack = Pcm.RATE_HZ * 15 / 1000;
    for (int i = 0; i < attack; i++) {
      out[i] *= (float) Fades.rise(i / (double) attack);
    }
    int release = Pcm.RATE_HZ / 2;
    for (int i = 0; i < release; i++) {
      out[n - 1 - i] *= (float) Fades.rise(i / (double) release);
    }
    Levels.scale(out, Levels.toGain(levelDbfs) / Levels.peak(out, 0, n));
    return new Pcm(out);
  }
}
