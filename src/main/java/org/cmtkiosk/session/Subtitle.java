package org.cmtkiosk.session;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the kiosk's subtitles, so staff and tests can follow a session without hearing it: what the device
 * says, what it heard (and from where), and what it did.
 */
public record Subtitle(Instant at, Kind kind, String text) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** What kind of line. */
  public enum Kind {
    /** Something the device says: a prompt, or a sentence of a practice. */
    SAYS,
    /** Something a person did: a phrase heard, a press of the button, a key. */
    HEARD,
    /** Something the device did or noticed: a practice started, paused or ended, sound lost. */
    NOTE;

    /** How the kind begins a printed line: "says", "heard", "note". */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The line as printed, e.g. {@code [10:03:27] says: Here are the practices you can choose from.} */
  public String line(ZoneId zone) {
    return "[" + LocalTime.ofInstant(at, zone).format(TIME) + "] " + kind.label() + ": " + text;
  }
}
