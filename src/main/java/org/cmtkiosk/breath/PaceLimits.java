package org.cmtkiosk.breath;

import java.time.Duration;

/**
 * How far and how fast "slower" and "faster" may change a breathing block, as a clinician sets it.
 *
 * @param slowestPerMinute the fewest breaths per minute allowed (e.g. 4)
 * @param fastestPerMinute the most breaths per minute allowed (e.g. 8)
 * @param step how much one "slower" lengthens (or "faster" shortens) a whole breath
 * @param glideBreaths over how many breaths a change is reached
 */
public record PaceLimits(double slowestPerMinute, double fastestPerMinute, Duration step, int glideBreaths) {

  public PaceLimits {
    if (slowestPerMinute <= 0 || fastestPerMinute < slowestPerMinute) {
      throw new IllegalArgumentException("pace bounds out of order: " + slowestPerMinute + ".." + fastestPerMinute);
    }
  }

  /** The longest breath allowed. */
  public Duration longestCycle() {
    return Duration.ofMillis(Math.round(60_000 / slowestPerMinute));
  }

  /** The shortest breath allowed. */
  public Duration shortestCycle() {
    return Duration.ofMillis(Math.round(60_000 / fastestPerMinute));
  }
}
