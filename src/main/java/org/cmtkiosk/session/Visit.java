package org.cmtkiosk.session;

import java.time.Clock;
import org.cmtkiosk.journal.Recording;
import org.cmtkiosk.practice.Practice;

/**
 * One person's visit, from the first press to the goodbye: what the journal will keep and what the flow needs to
 * remember meanwhile. A new person gets a new visit; nothing of this one is carried over.
 */
final class Visit {
  final SessionLog log;
  /** The journal's record of this visit, begun when it started. */
  final Recording recording;
  /** The practice chosen, for the check-in and orientation before it. */
  Practice chosen;
  /** Whether the check-in before a practice has been asked (once a visit). */
  boolean askedBefore;
  /** Whether the check-in under way is the one before the practice. */
  boolean checkInBefore;
  /** The practice that led to a grounding: "something gentle" does not offer it again. */
  Practice groundedFrom;
  /** Whether the list being read is the gentle one, after a grounding. */
  boolean gentleMenu;

  Visit(Clock clock, Recording recording) {
    this.log = new SessionLog(clock);
    this.recording = recording;
  }
}
