package org.cmtkiosk.breath;

/**
 * How full the breath is at a moment, from 0 (empty) to 1 (full): a smooth ease-in-out over the inhale, full
 * through the hold, easing down over the exhale, empty through the rest. The tone's loudness and the LED's
 * brightness are both this curve, so they cannot disagree about where a phase begins or ends.
 */
public final class BreathCurve {
  private BreathCurve() {}

  /** The level at a schedule position. */
  public static double level(BreathSchedule.Position p) {
    if (p.finished()) {
      return 0;
    }
    return level(p.phase(), p.fraction());
  }

  /** The level {@code fraction} (0..1) of the way through {@code phase}. */
  public static double level(Phase phase, double fraction) {
    return switch (phase) {
      case INHALE -> ease(fraction);
      case HOLD -> 1;
      case EXHALE -> 1 - ease(fraction);
      case REST -> 0;
    };
  }

  /** Smooth 0→1 with zero slope at both ends (raised cosine). */
  public static double ease(double x) {
    double c = Math.max(0, Math.min(1, x));
    return 0.5 - 0.5 * Math.cos(Math.PI * c);
  }
}
