package org.cmtkiosk.audio;

/**
 * What happens over a span of the timeline, in samples: a step of the script ({@code step} is its 0-based index)
 * or, inside a breathing block, one phase of a breath.
 */
public record Mark(Kind kind, long start, long end, int step, String label) {

  /** Kinds of span. */
  public enum Kind {
    SAY, PAUSE, BREATHE, CHIME, ASK, INHALE, HOLD, EXHALE, REST
  }
}
