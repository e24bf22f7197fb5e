package org.cmtkiosk.audio;

import org.cmtkiosk.breath.Breath;
import org.cmtkiosk.breath.BreathCurve;
import org.cmtkiosk.breath.Phase;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Fades;
import org.cmtkiosk.pcm.Levels;

/**
 * The pacing tone of a breathing block: a soft sine (plus a quieter octave) whose loudness follows
 * {@link BreathCurve} sample by sample, so it cannot drift from the schedule. It can be switched off and on with a
 * 100 ms fade.
 */
public final class ToneSound {
  private static final double OCTAVE_DB = -14;
  /** The peak of sin(x) + g·sin(2x): the partials never peak together, so the level is set from the real peak. */
  private static final double WAVE_PEAK = wavePeak(Levels.toGain(OCTAVE_DB));
  private final Oscillator fundamental;
  private final Oscillator octave;
  private final Ramp onOff = new Ramp(1.0, Pcm.RATE_HZ / 10);

  public ToneSound(ToneSettings settings) {
    double scale = Levels.toGain(settings.levelDbfs()) / WAVE_PEAK;
    fundamental = new Oscillator(settings.frequencyHz(), scale);
    octave = new Oscillator(settings.frequencyHz() * 2, scale * Levels.toGain(OCTAVE_DB));
  }

  private static double wavePeak(double octaveGain) {
    double peak = 0;
    for (int i = 0; i < 10_000; i++) {
      double x = 2 * Math.PI * i / 10_000;
      peak = Math.max(peak, Math.abs(Math.sin(x) + octaveGain * Math.sin(2 * x)));
    }
    return peak;
  }

  /** Fades the tone out (false) or back in (true) over 100 ms. */
  public void setEnabled(boolean enabled) {
    onOff.to(enabled ? 1.0 : 0.0);
  }

  public boolean enabled() {
    return onOff.target() > 0;
  }

  /** Adds {@code count} samples of breath {@code b}, starting {@code from} samples into it. */
  void mixBreath(float[] out, int offset, long from, int count, Breath b) {
    float[] a = fundamental.next(count);
    float[] o = octave.next(count);
    long start = Pcm.samplesOf(b.start());
    long hold = Pcm.samplesOf(b.phaseStart(Phase.HOLD)) - start;
    long exhale = Pcm.samplesOf(b.phaseStart(Phase.EXHALE)) - start;
    long rest = Pcm.samplesOf(b.phaseStart(Phase.REST)) - start;
    for (int i = 0; i < count; i++) {
      long n = from + i;
      double level = n < hold ? BreathCurve.level(Phase.INHALE, n / (double) hold)
          : n < exhale ? 1
          : n < rest ? BreathCurve.level(Phase.EXHALE, (n - exhale) / (double) (rest - exhale))
          : 0;
      out[offset + i] += (float) ((a[i] + o[i]) * level * onOff.next());
    }
  }
}
