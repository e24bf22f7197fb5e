package org.cmtkiosk.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.breath.Breath;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.breath.Phase;
import org.cmtkiosk.pcm.Pcm;

/**
 * A breathing block: the pacing tone and the spoken cues, both placed from the block's schedule as playback reaches
 * each breath, so a live change of pace moves them together.
 */
public final class BreatheSegment implements Segment {
  private final int step;
  private final String label;
  private final BreathSchedule schedule;
  private final ToneSound tone;
  private final Pcm inhaleCue;
  private final Pcm exhaleCue;
  private final int cueBreaths;
  private final List<Timeline.Placed> cues = new ArrayList<>();
  private Breath current;
  private long currentStart;
  private long currentEnd;

  /** @param tone the pacing tone, or null when the tone is switched off in the config */
  public BreatheSegment(int step, String label, BreathSchedule schedule, ToneSound tone, Pcm inhaleCue,
      Pcm exhaleCue, int cueBreaths) {
    this.step = step;
    this.label = label;
    this.schedule = schedule;
    this.tone = tone;
    this.inhaleCue = inhaleCue;
    this.exhaleCue = exhaleCue;
    this.cueBreaths = cueBreaths;
  }

  @Override
  public int step() {
    return step;
  }

  public BreathSchedule schedule() {
    return schedule;
  }

  /** The tone, or null if there is none. */
  public ToneSound tone() {
    return tone;
  }

  @Override
  public long plannedLength() {
    return Pcm.samplesOf(schedule.length());
  }

  @Override
  public synchronized int mixInto(float[] out, int offset, long from, int count) {
    int produced = 0;
    while (produced < count) {
      long n = from + produced;
      if (!reach(n)) {
        break;
      }
      int chunk = (int) Math.min(count - produced, currentEnd - n);
      if (tone != null) {
        tone.mixBreath(out, offset + produced, n - currentStart, chunk, current);
      }
      produced += chunk;
    }
    mixCues(out, offset, from, produced);
    return produced;
  }

  /** Makes the breath holding sample {@code n} current, placing its cues when it is new; false once ended. */
  private boolean reach(long n) {
    if (current != null && n >= currentStart && n < currentEnd) {
      return true;
    }
    Breath b = schedule.breathAt(Pcm.timeOf(n).plusNanos(Pcm.timeOf(1).toNanos() / 2));
    if (b == null) {
      return false;
    }
    boolean isNew = current == null || b.index() != current.index();
    current = b;
    currentStart = Pcm.samplesOf(b.start());
    currentEnd = Pcm.samplesOf(b.end());
    if (isNew && b.index() < cueBreaths && inhaleCue != null) {
      cues.add(new Timeline.Placed(currentStart, new PcmSound(inhaleCue, 1.0)));
      cues.add(new Timeline.Placed(Pcm.samplesOf(b.phaseStart(Phase.EXHALE)), new PcmSound(exhaleCue, 1.0)));
    }
    return true;
  }

  private void mixCues(float[] out, int offset, long from, int count) {
    for (Timeline.Placed p : cues) {
      long a = Math.max(from, p.start());
      long b = Math.min(from + count, p.end());
      if (a < b) {
        p.sound().mixInto(out, offset + (int) (a - from), a - p.start(), (int) (b - a));
      }
    }
    cues.removeIf(p -> p.end() <= from + count);
  }

  @Override
  public List<Mark> marks(long start) {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark(Mark.Kind.BREATHE, start, start + plannedLength(), step, label));
    for (Breath b : schedule.breaths()) {
      for (Phase phase : Phase.values()) {
        Duration from = b.phaseStart(phase);
        Duration to = from.plus(b.pattern().length(phase));
        if (!to.equals(from)) {
          marks.add(new Mark(Mark.Kind.valueOf(phase.name()), start + Pcm.samplesOf(from),
              start + Pcm.samplesOf(to), step, "breath " + (b.index() + 1) + " " + b.pattern().shortForm()));
        }
      }
    }
    return marks;
  }

  /** The cue clips as they would be placed for the schedule's breaths so far (relative to the block's start). */
  @Override
  public List<Timeline.Placed> sounds() {
    List<Timeline.Placed> placed = new ArrayList<>();
    if (inhaleCue == null) {
      return placed;
    }
    for (Breath b : schedule.breaths()) {
      if (b.index() < cueBreaths) {
        placed.add(new Timeline.Placed(Pcm.samplesOf(b.start()), new PcmSound(inhaleCue, 1.0)));
        placed.add(new Timeline.Placed(Pcm.samplesOf(b.phaseStart(Phase.EXHALE)), new PcmSound(exhaleCue, 1.0)));
      }
    }
    return placed;
  }
}
