package org.cmtkiosk.audio;

import java.util.List;

/** The sound of one script step; a timeline plays its segments one after another. */
public sealed interface Segment permits FixedSegment, BreatheSegment {
  /** The step's index in the practice. */
  int step();

  /** Length in samples as planned now (a breathing block's may change while it plays). */
  long plannedLength();

  /**
   * Adds samples {@code [from, from + count)} of this segment into {@code out} at {@code offset}, in order.
   * Returns how many of them belong to the segment: fewer than {@code count} when it ends within them.
   */
  int mixInto(float[] out, int offset, long from, int count);

  /** What happens when, relative to the segment's start (as planned, for a live block). */
  List<Mark> marks(long start);

  /** The sounds placed in it, relative to its start (the breathing tone is not a placed sound). */
  List<Timeline.Placed> sounds();
}
