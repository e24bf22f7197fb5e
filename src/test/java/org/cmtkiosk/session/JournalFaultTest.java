package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.cli.PracticeCommandAccess;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal that cannot be written (a full disk, a broken file) never stops a session or loses earlier records. */
class JournalFaultTest {
  @TempDir
  Path dir;

  private static SessionRecord record(String id, String end) {
    Instant e = Instant.parse(end);
    return new SessionRecord(id, e.minusSeconds(300), e, List.of(), Map.of(), null, null, null, null);
  }

  @Test
  void aSessionWhoseRecordCannotBeWrittenStillEndsAndSaysWhy() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir).journal();
    Files.createDirectory(journal.file());
    StringWriter err = new StringWriter();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    RecordingStage stage = new RecordingStage(KioskFlowTest.CONFIG);
    KioskFlow flow = new KioskFlow(KioskFlowTest.CONFIG, List.of(KioskFlowTest.practice("grounding")), null, null,
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("grounding")), stage, clock,
        r -> PracticeCommandAccess.journal(journal, r, new PrintWriter(err, true)));

    flow.command(Command.START);
    stage.finishSaying();
    flow.heard(new Heard.PracticeHeard("grounding"));
    stage.finishSaying();
    flow.command(Command.SKIP);
    stage.finishPractice();
    stage.finishSaying();
    flow.command(Command.SKIP);
    stage.finishSaying();

    assertEquals(KioskFlow.State.IDLE, flow.state(), "the session ended normally");
    assertTrue(err.toString().startsWith("Journal: could not write the session to " + journal.file()), err::toString);
    assertTrue(err.toString().contains("check free disk space and that journal.directory is writable"));
  }

  @Test
  void retentionThatCannotWriteLeavesTheJournalAsItWas() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir).journal();
    journal.append(record("old", "2026-01-01T10:00:00Z"));
    journal.append(record("new", "2026-11-20T10:00:00Z"));
    String before = Files.readString(journal.file());
    Files.createDirectory(journal.file().resolveSibling(journal.file().getFileName() + ".new"));

    assertThrows(IOException.class, () -> journal.deleteOlderThan(Instant.parse("2026-06-01T00:00:00Z")));

    assertEquals(before, Files.readString(journal.file()), "nothing already recorded is lost");
    assertEquals(2, journal.readAll(new ArrayList<>()).size());
  }
}
