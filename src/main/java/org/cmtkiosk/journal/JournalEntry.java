package org.cmtkiosk.journal;

/** One line of the journal: a session's start, something that happened during it, or its end (the whole session). */
public sealed interface JournalEntry permits SessionStart, SessionEvent, SessionRecord {
  /** The random session id the line belongs to. */
  String sessionId();
}
