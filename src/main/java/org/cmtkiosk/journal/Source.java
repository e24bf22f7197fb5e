package org.cmtkiosk.journal;

import java.util.Locale;

/**
 * Where a session ran. Reports count only kiosk sessions unless asked otherwise: a {@code practice} run on a laptop
 * or a test bench is not a patient's session.
 */
public enum Source {
  /** The always-on kiosk the service runs: real sessions. */
  KIOSK,
  /** The {@code practice} command: a staff member's or a tester's run, played or written to a WAV file. */
  PRACTICE;

  /** The word stored in the journal, e.g. {@code kiosk}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the source reports count by default; records written before sources were kept count as kiosk. */
  public static boolean isKiosk(String source) {
    return source == null || KIOSK.id().equals(source);
  }
}
