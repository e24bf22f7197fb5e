package org.cmtkiosk.audio;

import java.util.Comparator;
import java.util.List;

/** A step whose sound is fully known in advance: speech with its pauses, a silence, a chime. */
public record FixedSegment(int step, Mark.Kind kind, String label, List<Timeline.Placed> sounds, long length)
    implements Segment {

  public FixedSegment {
    sounds = sounds.stream().sorted(Comparator.comparingLong(Timeline.Placed::start)).toList();
  }

  @Override
  public long plannedLength() {
    return length;
  }

  @Override
  public int mixInto(float[] out, int offset, long from, int count) {
    int n = (int) Math.max(0, Math.min(count, length - from));
    for (Timeline.Placed p : sounds) {
      if (p.start() >= from + n) {
        break;
      }
      long a = Math.max(from, p.start());
      long b = Math.min(from + n, p.end());
      if (a < b) {
        p.sound().mixInto(out, offset + (int) (a - from), a - p.start(), (int) (b - a));
      }
    }
    return n;
  }

  @Override
  public List<Mark> marks(long start) {
    return List.of(new Mark(kind, start, start + length, step, label));
  }
}
