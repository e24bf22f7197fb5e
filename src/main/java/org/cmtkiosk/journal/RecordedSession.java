package org.cmtkiosk.journal;

/**
 * A session as read back from a journal: its end record, or — for a session that has a start record but no end
 * record (power cut, kill -9, out of memory) — what its start and event records tell, marked interrupted.
 *
 * @param session for an interrupted session: no end, the practices begun with outcome {@code interrupted}
 * @param line the line of the end record, or of the start record when interrupted
 */
public record RecordedSession(SessionRecord session, boolean interrupted, long line) {}
