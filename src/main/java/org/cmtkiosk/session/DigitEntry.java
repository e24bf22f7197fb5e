package org.cmtkiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Numbers typed as digits, from 0 or 1 up to a maximum: a digit that could still begin a larger number (the 1 of
 * 10) waits {@link #NEXT_DIGIT} for a second one, or for Enter; every other digit counts at once.
 */
final class DigitEntry {
  static final Duration NEXT_DIGIT = Duration.ofMillis(1500);

  private Integer pending;
  private Instant pendingSince;

  /** A digit typed at {@code now}; returns the number once it is complete. */
  OptionalInt digit(int d, Instant now, int max) {
    if (pending != null) {
      int both = pending * 10 + d;
      int first = pending;
      clear();
      return OptionalInt.of(both <= max ? both : first);
    }
    if (d > 0 && d * 10 <= max) {
      pending = d;
      pendingSince = now;
      return OptionalInt.empty();
    }
    return d <= max ? OptionalInt.of(d) : OptionalInt.empty();
  }

  /** The number waiting for a second digit, once it has waited long enough (or now, for Enter). */
  OptionalInt due(Instant now, boolean enter) {
    if (pending == null || !enter && now.isBefore(pendingSince.plus(NEXT_DIGIT))) {
      return OptionalInt.empty();
    }
    int value = pending;
    clear();
    return OptionalInt.of(value);
  }

  void clear() {
    pending = null;
    pendingSince = null;
  }
}
