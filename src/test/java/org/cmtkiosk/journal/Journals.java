package org.cmtkiosk.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.journal.SessionRecord.Outcome;

/** Records and read-backs shared by the journal tests. */
final class Journals {
  private Journals() {}

  static SessionRecord record(String id, Outcome outcome, Instant end) {
    return new SessionRecord(id, end.minusSeconds(420), end, List.of(new SessionRecord.PracticeDone(
        "soothing-rhythm-breathing", "abc123def456", outcome, List.of("3-1-3-0", "5-0-5-0"))),
        Map.of("pause", 1), 4, 6, 6.0, 8.57);
  }

  /** Every session in {@code file}, and the problems met, in order. */
  static List<RecordedSession> sessions(Path file, List<String> problems) throws IOException {
    List<RecordedSession> all = new ArrayList<>();
    try (JournalSessions sessions = JournalSessions.open(file, problems::add)) {
      for (RecordedSession s = sessions.next(); s != null; s = sessions.next()) {
        all.add(s);
      }
    }
    return all;
  }

  static List<String> ids(List<RecordedSession> sessions) {
    return sessions.stream().map(s -> s.session().sessionId() + (s.interrupted() ? " interrupted" : "")).toList();
  }
}
