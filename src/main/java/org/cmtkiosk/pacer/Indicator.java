package org.cmtkiosk.pacer;

/** A light that shows a level from 0 (dark) to 1 (full): the breathing LED, a bar in a terminal, or nothing. */
public interface Indicator extends AutoCloseable {
  /** An indicator that shows nothing. */
  Indicator NONE = level -> { };

  /** Shows {@code level}, a perceived brightness from 0 to 1. */
  void show(double level);

  /** Turns the light off and releases it. */
  @Override
  default void close() {
    show(0);
  }
}
