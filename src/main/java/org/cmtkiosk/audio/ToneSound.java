package org.cmtkiosk.audio;

import java.util.List;
import org.cmtkiosk.breath.Breath;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.breath.Phase;
import org.cmtkiosk.config.KioskConfig;

/**
 * The pacing tone of a breathing block: a soft sine (plus a quieter octave) whose loudness rises with a smooth
 * curve over each inhale, stays up during the hold, falls over the exhale and is silent in the rest. Every sample's
 * loudness is computed from the breath schedule at that sample's index, so the tone cannot drift from it.
 */
public final class ToneSound implements Sound {
  private static final double OCTAVE_DB = -14;
  /** The peak of sin(x) + g·sin(2x): the partials never peak together, so the level is set from the real peak. */
  private static final double WAVE_PEAK = wavePeak(Levels.toGain(OCTAVE_DB));
  private final List<Breath> breaths;
  private final long length;
  private final KioskConfig.Tone settings;
  private Oscillator fundamental;
  private Oscillator octave;
  private long next;
  private int breathIndex;

  public ToneSound(BreathSchedule schedule, KioskConfig.Tone settings) {
    this.breaths = schedule.breaths();
    this.length = Pcm.samplesOf(schedule.length());
    this.settings = settings;
    reset();
  }

  private void reset() {
    double octaveGain = Levels.toGain(OCTAVE_DB);
    double scale = Levels.toGain(settings.levelDbfs()) / WAVE_PEAK;
    fundamental = new Oscillator(settings.frequencyHz(), scale);
    octave = new Oscillator(settings.frequencyHz() * 2, scale * octaveGain);
    next = 0;
    breathIndex = 0;
  }

  private static double wavePeak(double octaveGain) {
    double peak = 0;
    for (int i = 0; i < 10_000; i++) {
      double x = 2 * Math.PI * i / 10_000;
      peak = Math.max(peak, Math.abs(Math.sin(x) + octaveGain * Math.sin(2 * x)));
    }
    return peak;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public void mixInto(float[] out, int offset, long from, int count) {
    if (from < next) {
      reset();
    }
    if (from > next) {
      fundamental.next((int) (from - next));
      octave.next((int) (from - next));
    }
    float[] a = fundamental.next(count);
    float[] b = octave.next(count);
    for (int i = 0; i < count; i++) {
      out[offset + i] += (float) ((a[i] + b[i]) * envelope(from + i));
    }
    next = from + count;
  }

  /** Loudness (0..1) at sample {@code n} of the block; calls must move forward through the block. */
  double envelope(long n) {
    while (breathIndex < breaths.size() - 1 && n >= Pcm.samplesOf(breaths.get(breathIndex).end())) {
      breathIndex++;
    }
    if (breathIndex < breaths.size() && n < Pcm.samplesOf(breaths.get(breathIndex).start())) {
      breathIndex = 0;
    }
    Breath b = breaths.get(breathIndex);
    long inhaleEnd = Pcm.samplesOf(b.phaseStart(Phase.HOLD));
    long exhaleStart = Pcm.samplesOf(b.phaseStart(Phase.EXHALE));
    long exhaleEnd = Pcm.samplesOf(b.phaseStart(Phase.REST));
    long start = Pcm.samplesOf(b.start());
    if (n < inhaleEnd) {
      return Fades.rise((n - start) / (double) (inhaleEnd - start));
    }
    if (n < exhaleStart) {
      return 1;
    }
    if (n < exhaleEnd) {
      return 1 - Fades.rise((n - exhaleStart) / (double) (exhaleEnd - exhaleStart));
    }
    return 0;
  }
}
