package org.cmtkiosk.breath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The breaths of a block laid out in time; the single source both the tone and the LED follow. Breaths are made
 * as time reaches them, so a live change of pace ({@link #slower}, {@link #faster}) shapes every breath not yet
 * begun: it starts with the next breath and glides to the new pace within the clinician's {@link PaceLimits}.
 */
public final class BreathSchedule {
  private final BreathBlock block;
  private final PaceLimits limits;
  private final List<Breath> made = new ArrayList<>();
  private Glide glide;
  private boolean finished;

  private BreathSchedule(BreathBlock block, PaceLimits limits) {
    this.block = block;
    this.limits = limits;
    this.glide = new Glide(block.start(), block.target(), 0, block.glideBreaths(), 0);
  }

  /** A fixed schedule: exactly as the script says. */
  public static BreathSchedule of(BreathBlock block) {
    return new BreathSchedule(block, null);
  }

  /** A schedule whose pace can be changed while it plays, within {@code limits}. */
  public static BreathSchedule live(BreathBlock block, PaceLimits limits) {
    return new BreathSchedule(block, limits);
  }

  /** Every breath; for a live schedule only those begun so far, since later ones may still change. */
  public synchronized List<Breath> breaths() {
    if (limits == null) {
      while (makeNext()) {
        // Lay out the whole fixed block.
      }
    }
    return List.copyOf(made);
  }

  /** The whole block's length; for a live schedule, as planned now (it changes with the pace). */
  public synchronized Duration length() {
    if (limits == null) {
      breaths();
      return made.isEmpty() ? Duration.ZERO : made.get(made.size() - 1).end();
    }
    Duration t = made.isEmpty() ? Duration.ZERO : made.get(made.size() - 1).end();
    for (int i = made.size(); fits(i, t); i++) {
      t = t.plus(glide.patternOf(i).cycle());
    }
    return t;
  }

  /** The breath under way at {@code t} from the block's start, or null once the block has ended. */
  public synchronized Breath breathAt(Duration t) {
    while ((made.isEmpty() || t.compareTo(last().end()) >= 0) && makeNext()) {
      // Make breaths up to t, each with the pace in force when it begins.
    }
    for (int i = made.size() - 1; i >= 0; i--) {
      Breath b = made.get(i);
      if (t.compareTo(b.start()) >= 0) {
        return t.compareTo(b.end()) < 0 ? b : null;
      }
    }
    return made.isEmpty() ? null : made.get(0);
  }

  /** Where the schedule is at {@code t}: phase and fraction (0..1) through it. */
  public Position at(Duration t) {
    Breath b = breathAt(t);
    if (b == null) {
      return Position.FINISHED;
    }
    Phase phase = Phase.REST;
    for (Phase p : Phase.values()) {
      if (t.compareTo(b.phaseStart(p).plus(b.pattern().length(p))) < 0 && !b.pattern().length(p).isZero()) {
        phase = p;
        break;
      }
    }
    Duration len = b.pattern().length(phase);
    double fraction = len.isZero() ? 0 : t.minus(b.phaseStart(phase)).toNanos() / (double) len.toNanos();
    return new Position(b, phase, Math.max(0, Math.min(1, fraction)));
  }

  /** Lengthens breaths from the next one on by the configured step; returns the pace now aimed for. */
  public synchronized BreathPattern slower() {
    return changePace(1);
  }

  /** Shortens breaths from the next one on by the configured step; returns the pace now aimed for. */
  public synchronized BreathPattern faster() {
    return changePace(-1);
  }

  private BreathPattern changePace(int direction) {
    if (limits == null) {
      throw new IllegalStateException("this breathing block was laid out without pace limits");
    }
    BreathPattern aim = glide.to();
    long cycle = aim.cycle().toMillis() + direction * limits.step().toMillis();
    cycle = Math.max(limits.shortestCycle().toMillis(), Math.min(limits.longestCycle().toMillis(), cycle));
    BreathPattern target = scale(aim, cycle / (double) aim.cycle().toMillis());
    int next = made.size();
    glide = new Glide(glide.patternOf(next - 1 < 0 ? 0 : next - 1), target, next, limits.glideBreaths(), 1);
    return target;
  }

  private static BreathPattern scale(BreathPattern p, double factor) {
    return new BreathPattern(mul(p.inhale(), factor), mul(p.hold(), factor), mul(p.exhale(), factor),
        mul(p.rest(), factor));
  }

  private static Duration mul(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }

  private boolean makeNext() {
    if (finished) {
      return false;
    }
    int i = made.size();
    Duration start = made.isEmpty() ? Duration.ZERO : last().end();
    if (!fits(i, start)) {
      finished = true;
      return false;
    }
    made.add(new Breath(i, start, glide.patternOf(i)));
    return true;
  }

  private boolean fits(int index, Duration start) {
    if (block.total() == null) {
      return index < block.breaths();
    }
    return start.plus(glide.patternOf(index).cycle()).compareTo(block.total()) <= 0;
  }

  private Breath last() {
    return made.get(made.size() - 1);
  }

  /**
   * A glide from one pattern to another: breath {@code first} is {@code offset} steps of {@code length} along
   * (0 for the script's own glide, which begins at its start pattern; 1 for a live change, felt at once).
   */
  private record Glide(BreathPattern from, BreathPattern to, int first, int length, int offset) {
    BreathPattern patternOf(int index) {
      double t = Math.min(1.0, Math.max(0, index - first + offset) / (double) Math.max(1, length));
      return from.towards(to, t);
    }
  }

  /** A moment of the schedule; {@code breath} is null once it has finished. */
  public record Position(Breath breath, Phase phase, double fraction) {
    public static final Position FINISHED = new Position(null, Phase.REST, 1.0);

    public boolean finished() {
      return breath == null;
    }
  }
}
