package org.cmtkiosk.breath;

import java.time.Duration;

/** One scheduled breath: its number in the block, when it starts (from the block's start) and its pattern. */
public record Breath(int index, Duration start, BreathPattern pattern) {

  public Duration end() {
    return start.plus(pattern.cycle());
  }

  /** When the given phase of this breath starts, from the block's start. */
  public Duration phaseStart(Phase phase) {
    Duration t = start;
    for (Phase p : Phase.values()) {
      if (p == phase) {
        return t;
      }
      t = t.plus(pattern.length(p));
    }
    throw new AssertionError(phase);
  }
}
