package org.cmtkiosk.pacer;

/**
 * Perceived brightness to PWM duty cycle. The eye is far more sensitive to changes in dim light than in bright, so a
 * linear duty ramp looks like a jump followed by a plateau; {@code duty = min + (max − min) · level^gamma} with
 * gamma 2.2 looks even. {@code min} keeps the LED faintly lit at the bottom of a breath, {@code max} caps it.
 */
public record LedCurve(double minDuty, double maxDuty, double gamma) {

  public LedCurve {
    if (minDuty < 0 || maxDuty > 1 || minDuty > maxDuty || gamma < 1) {
      throw new IllegalArgumentException("LED curve out of range: " + minDuty + ".." + maxDuty + " gamma " + gamma);
    }
  }

  /** The duty cycle (0..1) that looks like {@code level} (0..1). */
  public double duty(double level) {
    double l = Math.max(0, Math.min(1, level));
    return minDuty + (maxDuty - minDuty) * Math.pow(l, gamma);
  }
}
