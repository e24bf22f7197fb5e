package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The end-to-end tests' measuring tools, on generated audio whose answers are known. */
class AlignmentTest {
  private static final int RATE = 24_000;

  /** Two seconds of low-passed noise in bursts of uneven length (like speech), a 300 ms pause, then two seconds of a steady 220 Hz tone; 0.5 s silence round it. */
  private static float[] practice() {
    float[] s = new float[RATE * 5];
    Random random = new Random(7);
    double lowPassed = 0;
    for (int i = RATE / 2; i < RATE * 5 / 2; i++) {
      double t = i / (double) RATE;
      double burst = Math.max(0, Math.sin(2 * Math.PI * (2.2 * t + 0.9 * t * t)));
      lowPassed += 0.2 * (random.nextGaussian() - lowPassed);
      s[i] = (float) (0.5 * burst * lowPassed);
    }
    for (int i = RATE * 28 / 10; i < RATE * 48 / 10; i++) {
      s[i] = (float) (0.03 * Math.sin(2 * Math.PI * 220 * i / RATE));
    }
    return s;
  }

  /** {@code s} delayed by {@code delay} samples with {@code length} samples of silence inserted before {@code at}. */
  private static float[] withGap(float[] s, int delay, int at, int length) {
    float[] out = new float[s.length + delay + length + RATE / 2];
    System.arraycopy(s, 0, out, delay, at);
    System.arraycopy(s, at, out, delay + at + length, s.length - at);
    return out;
  }

  @Test
  void findsOneGapInTheToneAndItsLength() {
    Wave render = new Wave(practice(), RATE);
    int at = RATE * 4;
    Wave recording = new Wave(withGap(render.samples(), 1234, at, RATE * 37 / 100), RATE);

    Match m = Match.of(render, recording);

    assertEquals(1, m.gaps().size(), m.gapSummary());
    assertEquals(0.370, m.gaps().get(0).seconds(), 0.001);
    assertEquals(4.0, m.gaps().get(0).atSeconds(), 0.002);
    assertTrue(m.correlation() > 0.999, "correlation " + m.correlation());
    assertEquals(1000 * m.alignment().gapSeconds(), m.lengthDifferenceMs(), 1);
  }

  @Test
  void findsGapsInsideSpeechPausesAndAtTheEndOfALongerPause() {
    Wave render = new Wave(practice(), RATE);
    float[] once = withGap(render.samples(), 500, RATE * 13 / 10, RATE / 10);
    Wave recording = new Wave(withGap(once, 0, 500 + RATE * 27 / 10, RATE / 5), RATE);

    Match m = Match.of(render, recording);

    assertEquals(2, m.gaps().size(), m.gapSummary());
    assertEquals(0.100, m.gaps().get(0).seconds(), 0.001);
    assertEquals(0.200, m.gaps().get(1).seconds(), 0.001);
    assertEquals(1000 * m.alignment().gapSeconds(), m.lengthDifferenceMs(), 1);
    assertTrue(m.correlation() > 0.999, "correlation " + m.correlation());
  }

  @Test
  void aRecordingWithoutGapsMatchesItsRenderAfterHalvingTheRate() {
    Wave render = new Wave(practice(), RATE);
    float[] at48 = new float[render.length() * 2 + 4000];
    for (int i = 0; i + 1 < render.length(); i++) {
      at48[4000 + 2 * i] = render.samples()[i];
      at48[4000 + 2 * i + 1] = (render.samples()[i] + render.samples()[i + 1]) / 2;
    }

    Match m = Match.of(render, new Wave(at48, 2 * RATE).halfRate());

    assertEquals(0, m.gaps().size(), m.gapSummary());
    assertTrue(m.correlation() > 0.95, "correlation " + m.correlation());
    assertEquals(0, m.levelDifferenceDb(), 1.0);
    assertEquals(0, m.lengthDifferenceMs(), 2);
  }

  @Test
  void halvingTheRateKeepsSpeechFrequenciesAndRemovesWhatCannotBeKept() {
    float[] low = new float[48_000];
    float[] high = new float[48_000];
    for (int i = 0; i < low.length; i++) {
      low[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
      high[i] = (float) (0.5 * Math.sin(2 * Math.PI * 15_000 * i / 48_000.0));
    }
    Wave lowHalf = new Wave(low, 48_000).halfRate();
    Wave highHalf = new Wave(high, 48_000).halfRate();

    assertEquals(0.5, lowHalf.peak(1000, 20_000), 0.01);
    assertTrue(highHalf.peak(1000, 20_000) < 0.01, "15 kHz is above the new Nyquist: " + highHalf.peak(1000, 20_000));
  }
}
