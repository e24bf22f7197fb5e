package org.cmtkiosk.breath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every breath of a block laid out in time; the single source both the tone and the LED follow. */
public final class BreathSchedule {
  private final List<Breath> breaths;

  private BreathSchedule(List<Breath> breaths) {
    this.breaths = Collections.unmodifiableList(breaths);
  }

  /** Lays out the breaths of {@code block}. */
  public static BreathSchedule of(BreathBlock block) {
    List<Breath> list = new ArrayList<>();
    Duration t = Duration.ZERO;
    for (int i = 0; block.total() != null || i < block.breaths(); i++) {
      BreathPattern pattern = block.patternOf(i);
      if (block.total() != null && t.plus(pattern.cycle()).compareTo(block.total()) > 0) {
        break;
      }
      list.add(new Breath(i, t, pattern));
      t = t.plus(pattern.cycle());
    }
    return new BreathSchedule(list);
  }

  public List<Breath> breaths() {
    return breaths;
  }

  public Duration length() {
    return breaths.isEmpty() ? Duration.ZERO : breaths.get(breaths.size() - 1).end();
  }

  /** Where the schedule is at time {@code t} from the block's start: phase and fraction (0..1) through it. */
  public Position at(Duration t) {
    for (Breath b : breaths) {
      if (t.compareTo(b.end()) < 0) {
        for (Phase p : Phase.values()) {
          Duration from = b.phaseStart(p);
          Duration len = b.pattern().length(p);
          if (t.compareTo(from.plus(len)) < 0) {
            double fraction = len.isZero() ? 0 : (t.minus(from).toNanos() / (double) len.toNanos());
            return new Position(b, p, Math.max(0, fraction));
          }
        }
      }
    }
    return Position.FINISHED;
  }

  /** A moment of the schedule; {@code breath} is null once it has finished. */
  public record Position(Breath breath, Phase phase, double fraction) {
    public static final Position FINISHED = new Position(null, Phase.REST, 1.0);

    public boolean finished() {
      return breath == null;
    }
  }
}
