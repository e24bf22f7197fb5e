package org.cmtkiosk.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pcm.Pcm;

/** A whole practice as segments (one per script step) played one after another. */
public record Timeline(List<Segment> segments) {

  public Timeline {
    segments = List.copyOf(segments);
  }

  /** The length in samples as planned now: exact unless the pace is changed while it plays. */
  public long length() {
    return segments.stream().mapToLong(Segment::plannedLength).sum();
  }

  public Duration duration() {
    return Pcm.timeOf(length());
  }

  /** What happens when, as planned: one mark per step, and one per phase of every breath. */
  public List<Mark> marks() {
    List<Mark> marks = new ArrayList<>();
    long start = 0;
    for (Segment s : segments) {
      marks.addAll(s.marks(start));
      start += s.plannedLength();
    }
    return marks;
  }

  /** Every placed sound (speech, chimes, cues) with its start on the whole timeline, as planned. */
  public List<Placed> sounds() {
    List<Placed> all = new ArrayList<>();
    long start = 0;
    for (Segment s : segments) {
      for (Placed p : s.sounds()) {
        all.add(new Placed(start + p.start(), p.sound()));
      }
      start += s.plannedLength();
    }
    return all;
  }

  /** A sound and the sample it starts at. */
  public record Placed(long start, Sound sound) {
    public long end() {
      return start + sound.length();
    }
  }
}
