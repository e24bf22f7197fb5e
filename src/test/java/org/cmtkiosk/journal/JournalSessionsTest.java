package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions read back from a journal, including those cut off before their end record. */
class JournalSessionsTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  private final List<String> problems = new ArrayList<>();

  @Test
  void aSessionCutOffBeforeItsEndIsInterruptedWithItsStartPracticeAndLostSound() throws Exception {
    JsonLinesJournal kiosk = JsonLinesJournal.open(dir, Source.KIOSK, problems::add);
    kiosk.begin(T).end(Journals.record("x", Outcome.COMPLETED, T.plusSeconds(420)));
    Recording cut = kiosk.begin(T.plusSeconds(1000));
    cut.practiceBegins("safe-place", T.plusSeconds(1010));
    cut.soundLost(T.plusSeconds(1100));
    cut.soundBack(T.plusSeconds(1112));
    // kill -9 here: no end record.

    List<RecordedSession> read = Journals.sessions(kiosk.file(), problems);

    assertEquals(2, read.size());
    RecordedSession interrupted = read.get(1);
    assertTrue(interrupted.interrupted());
    assertEquals(cut.sessionId(), interrupted.session().sessionId());
    assertEquals(T.plusSeconds(1000), interrupted.session().start());
    assertNull(interrupted.session().end());
    assertEquals(List.of(new SessionRecord.PracticeDone("safe-place", null, Outcome.INTERRUPTED, List.of())),
        interrupted.session().practices());
    assertEquals(12.0, interrupted.session().soundLostSeconds());
    assertEquals(List.of(), problems);
  }

  @Test
  void theNextSessionFromTheSameSourceSettlesAnUnfinishedOneInOrder() throws Exception {
    JsonLinesJournal kiosk = JsonLinesJournal.open(dir, Source.KIOSK, problems::add);
    JsonLinesJournal practice = JsonLinesJournal.open(dir, Source.PRACTICE, problems::add);
    Recording first = kiosk.begin(T);
    Recording test = practice.begin(T.plusSeconds(10));
    Recording second = kiosk.begin(T.plusSeconds(600));
    test.end(Journals.record("t", Outcome.COMPLETED, T.plusSeconds(700)));
    second.end(Journals.record("k", Outcome.COMPLETED, T.plusSeconds(900)));

    List<RecordedSession> read = Journals.sessions(kiosk.file(), problems);

    assertEquals(List.of(first.sessionId() + " interrupted", test.sessionId(), second.sessionId()),
        Journals.ids(read), "a practice run alongside the kiosk does not cut the kiosk's session off");
  }

  @Test
  void anEndArrivingAfterItsSessionWasCountedInterruptedIsSaidNotCountedTwice() throws Exception {
    JsonLinesJournal kiosk = JsonLinesJournal.open(dir, Source.KIOSK, problems::add);
    Recording first = kiosk.begin(T);
    Recording second = kiosk.begin(T.plusSeconds(10));
    first.end(Journals.record("a", Outcome.COMPLETED, T.plusSeconds(20)));
    second.end(Journals.record("b", Outcome.COMPLETED, T.plusSeconds(30)));

    List<RecordedSession> read = Journals.sessions(kiosk.file(), problems);

    assertEquals(List.of(first.sessionId() + " interrupted", second.sessionId()), Journals.ids(read));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).endsWith("it is counted as interrupted"), problems::toString);
  }
}
