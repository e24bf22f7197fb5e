package org.cmtkiosk.audio;

import java.util.Comparator;
import java.util.List;

/** A whole practice laid out in samples: every sound at its start, and marks naming what happens when. */
public record Timeline(List<Placed> sounds, List<Mark> marks, long length) {

  public Timeline {
    sounds = sounds.stream().sorted(Comparator.comparingLong(Placed::start)).toList();
    marks = List.copyOf(marks);
  }

  public java.time.Duration duration() {
    return Pcm.timeOf(length);
  }

  /** A sound and the sample it starts at. */
  public record Placed(long start, Sound sound) {
    public long end() {
      return start + sound.length();
    }
  }
}
