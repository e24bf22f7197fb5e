package org.cmtkiosk.audio;

/** Something placed on the timeline that adds its samples into a mix buffer. */
public interface Sound {
  /** Length in samples. */
  long length();

  /** Adds samples {@code [from, from + count)} of this sound into {@code out} starting at {@code offset}. */
  void mixInto(float[] out, int offset, long from, int count);
}
