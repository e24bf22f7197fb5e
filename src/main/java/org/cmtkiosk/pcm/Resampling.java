package org.cmtkiosk.pcm;

import be.tarsos.dsp.resample.Resampler;
import java.util.Arrays;

/** Converts audio to the timeline's rate with TarsosDSP's band-limited resampler. */
public final class Resampling {
  private Resampling() {}

  /** Returns {@code in} (at {@code fromRateHz}) at {@link Pcm#RATE_HZ}. */
  public static float[] toTimelineRate(float[] in, float fromRateHz) {
    return resample(in, fromRateHz, Pcm.RATE_HZ);
  }

  /** Returns {@code in} (at {@code fromRateHz}) at {@code toRateHz}. */
  public static float[] resample(float[] in, double fromRateHz, double toRateHz) {
    if (fromRateHz == toRateHz) {
      return in.clone();
    }
    double factor = toRateHz / fromRateHz;
    Resampler resampler = new Resampler(true, factor, factor);
    int expected = (int) Math.round(in.length * factor);
    float[] out = new float[expected + 4096];
    int consumed = 0;
    int produced = 0;
    // The resampler works through its internal buffer a piece at a time; keep feeding until all input is used.
    while (true) {
      Resampler.Result r = resampler.process(factor, in, consumed, in.length - consumed, true, out, produced,
          out.length - produced);
      consumed += r.inputSamplesConsumed;
      produced += r.outputSamplesGenerated;
      if (r.inputSamplesConsumed == 0 && r.outputSamplesGenerated == 0) {
        break;
      }
    }
    return Arrays.copyOf(out, Math.min(expected, produced));
  }
}
