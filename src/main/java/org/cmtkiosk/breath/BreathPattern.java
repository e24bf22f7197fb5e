package org.cmtkiosk.breath;

import java.time.Duration;

/** One breath's shape: how long to breathe in, hold, breathe out and rest. */
public record BreathPattern(Duration inhale, Duration hold, Duration exhale, Duration rest) {

  public BreathPattern {
    if (inhale.isNegative() || hold.isNegative() || exhale.isNegative() || rest.isNegative()) {
      throw new IllegalArgumentException("negative breath phase: " + this);
    }
  }

  /** A pattern from seconds, e.g. {@code ofSeconds(3, 1, 3, 0)}. */
  public static BreathPattern ofSeconds(double inhale, double hold, double exhale, double rest) {
    return new BreathPattern(ms(inhale), ms(hold), ms(exhale), ms(rest));
  }

  public Duration cycle() {
    return inhale.plus(hold).plus(exhale).plus(rest);
  }

  public double breathsPerMinute() {
    return 60_000.0 / cycle().toMillis();
  }

  /** The phase's length. */
  public Duration length(Phase phase) {
    return switch (phase) {
      case INHALE -> inhale;
      case HOLD -> hold;
      case EXHALE -> exhale;
      case REST -> rest;
    };
  }

  /** The pattern a fraction {@code t} (0..1) of the way from this one to {@code to}, to the millisecond. */
  public BreathPattern towards(BreathPattern to, double t) {
    return new BreathPattern(lerp(inhale, to.inhale, t), lerp(hold, to.hold, t), lerp(exhale, to.exhale, t),
        lerp(rest, to.rest, t));
  }

  /** Like "3-1-3-0" (seconds in, hold, out, rest). */
  public String shortForm() {
    return secs(inhale) + "-" + secs(hold) + "-" + secs(exhale) + "-" + secs(rest);
  }

  private static String secs(Duration d) {
    double s = d.toMillis() / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.format(java.util.Locale.ROOT, "%.1f", s);
  }

  private static Duration lerp(Duration a, Duration b, double t) {
    return Duration.ofMillis(Math.round(a.toMillis() + (b.toMillis() - a.toMillis()) * t));
  }

  private static Duration ms(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
