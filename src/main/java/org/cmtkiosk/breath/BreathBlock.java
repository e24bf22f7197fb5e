package org.cmtkiosk.breath;

import java.time.Duration;
import java.util.Objects;

/**
 * A paced breathing block: a starting pattern, an optional target it glides to over {@code glideBreaths} breaths,
 * and either a number of breaths or a total time (whole breaths that fit in it).
 */
public record BreathBlock(BreathPattern start, BreathPattern target, int glideBreaths, int breaths, Duration total) {

  public BreathBlock {
    Objects.requireNonNull(start, "start");
    target = target == null ? start : target;
    if ((breaths > 0) == (total != null)) {
      throw new IllegalArgumentException("give exactly one of breaths or total");
    }
    glideBreaths = Math.max(1, glideBreaths);
  }

  /** A block of {@code breaths} breaths gliding from start to target. */
  public static BreathBlock ofBreaths(BreathPattern start, BreathPattern target, int glideBreaths, int breaths) {
    return new BreathBlock(start, target, glideBreaths, breaths, null);
  }

  /** A block of as many whole breaths as fit in {@code total}. */
  public static BreathBlock ofTotal(BreathPattern start, BreathPattern target, int glideBreaths, Duration total) {
    return new BreathBlock(start, target, glideBreaths, 0, total);
  }

  /** The pattern of breath {@code index}: the start pattern at 0, the target from {@code glideBreaths} on. */
  public BreathPattern patternOf(int index) {
    return start.towards(target, Math.min(1.0, index / (double) glideBreaths));
  }
}
