package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesJournalTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  private final List<String> log = new ArrayList<>();

  @Test
  void aSessionIsAStartLineEventLinesAndAnEndLineSharingItsId() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    Recording r = journal.begin(T);
    r.practiceBegins("safe-place", T.plusSeconds(5));
    r.soundLost(T.plusSeconds(60));
    r.soundBack(T.plusSeconds(78));
    r.underrun();
    r.underrun();
    assertTrue(r.end(Journals.record("ignored-id", Outcome.COMPLETED, T.plusSeconds(420))));

    List<String> lines = Files.readAllLines(journal.file());
    String id = r.sessionId();
    assertEquals(List.of(
        "{\"record\":\"start\",\"session\":\"" + id + "\",\"source\":\"kiosk\",\"start\":\"2026-11-22T10:00:00Z\"}",
        "{\"record\":\"event\",\"session\":\"" + id + "\",\"at\":\"2026-11-22T10:00:05Z\",\"event\":\"practice\","
            + "\"practice\":\"safe-place\"}",
        "{\"record\":\"event\",\"session\":\"" + id + "\",\"at\":\"2026-11-22T10:01:00Z\",\"event\":\"sound_lost\"}",
        "{\"record\":\"event\",\"session\":\"" + id + "\",\"at\":\"2026-11-22T10:01:18Z\",\"event\":\"sound_back\"}",
        "{\"record\":\"end\",\"session\":\"" + id + "\",\"source\":\"kiosk\",\"start\":\"2026-11-22T10:00:00Z\","
            + "\"end\":\"2026-11-22T10:07:00Z\",\"practices\":[{\"practice\":\"soothing-rhythm-breathing\","
            + "\"script_version\":\"abc123def456\",\"outcome\":\"completed\",\"breathing\":[\"3-1-3-0\",\"5-0-5-0\"]}],"
            + "\"commands\":{\"pause\":1},\"calm_before\":4,\"calm_after\":6,\"slowest_per_minute\":6.0,"
            + "\"fastest_per_minute\":8.57,\"sound_lost_seconds\":18.0,\"underruns\":2}"), lines);
    assertEquals(List.of(), log);
  }

  @Test
  void soundStillLostAtTheEndCountsUntilTheEnd() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    Recording r = journal.begin(T);
    r.soundLost(T.plusSeconds(400));
    r.end(Journals.record("x", Outcome.ERROR, T.plusSeconds(420)));

    List<String> problems = new ArrayList<>();
    SessionRecord read = Journals.sessions(journal.file(), problems).get(0).session();
    assertEquals(20.0, read.soundLostSeconds());
    assertNull(read.underruns());
    assertEquals(List.of(), problems);
  }

  @Test
  void recordsWrittenBeforeStartRecordsExistedStillReadAsKioskSessions() throws Exception {
    Path file = dir.resolve(JsonLinesJournal.FILE_NAME);
    Files.writeString(file, "{\"session\":\"5b8dc8d1\",\"start\":\"2026-11-22T13:22:28Z\",\"end\":\"2026-11-22T13:31:02Z\","
        + "\"practices\":[{\"practice\":\"soothing-rhythm-breathing\",\"script_version\":\"57583a52e342\","
        + "\"outcome\":\"completed\",\"breathing\":[\"3-1-3-0\",\"5-0-5-0\"]}],\"commands\":{\"slower\":1,\"start\":1},"
        + "\"calm_before\":4,\"calm_after\":7,\"slowest_per_minute\":5.5,\"fastest_per_minute\":8.57}\n");
    List<String> problems = new ArrayList<>();

    List<RecordedSession> read = Journals.sessions(file, problems);

    assertEquals(List.of("5b8dc8d1"), Journals.ids(read));
    assertNull(read.get(0).session().source());
    assertTrue(Source.isKiosk(read.get(0).session().source()));
    assertEquals(7, read.get(0).session().calmAfter());
    assertEquals(List.of(), problems);
  }

  @Test
  void journalAndFolderAreReadableOnlyByTheirOwner() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir.resolve("private"), Source.KIOSK, log::add);
    journal.begin(T);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private"))));
  }

  @Test
  void practiceRunsAreMarkedAsSuch() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.PRACTICE, log::add);
    journal.begin(T).end(Journals.record("x", Outcome.COMPLETED, T.plusSeconds(1)));
    SessionRecord read = Journals.sessions(journal.file(), new ArrayList<>()).get(0).session();
    assertEquals("practice", read.source());
    assertFalse(Source.isKiosk(read.source()));
  }

  @Test
  void aShortWriteOnAFullDiskIsRolledBackToTheLastWholeLine() throws Exception {
    JsonLinesJournal.open(dir, Source.KIOSK, log::add).begin(T).end(Journals.record("a", Outcome.COMPLETED,
        T.plusSeconds(60)));
    Path file = dir.resolve(JsonLinesJournal.FILE_NAME);
    String before = Files.readString(file);
    JsonLinesJournal full = JsonLinesJournal.open(dir, Source.KIOSK, log::add, f -> new FaultyChannel(
        java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 40));

    full.begin(T.plusSeconds(120));

    assertEquals(before, Files.readString(file), "no part of the new line is left behind");
    assertEquals(1, full.waiting());
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("cannot write " + file + " (no space left on device): sessions go on"),
        log::toString);
  }

  @Test
  void linesThatCouldNotBeWrittenAreWrittenLaterInOrderAndThatIsSaidOnce() throws Exception {
    Path blocked = dir.resolve("journal");
    Files.writeString(blocked, "a file where the journal folder should be");
    JsonLinesJournal journal = JsonLinesJournal.open(blocked, Source.KIOSK, log::add);
    Recording r = journal.begin(T);
    r.practiceBegins("safe-place", T);
    assertFalse(r.end(Journals.record("x", Outcome.COMPLETED, T.plusSeconds(60))));
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("cannot create the journal folder " + blocked), log::toString);
    assertEquals(3, journal.waiting());

    Files.delete(blocked);
    assertTrue(journal.flush());

    assertEquals(2, log.size(), log::toString);
    assertEquals(blocked.resolve(JsonLinesJournal.FILE_NAME) + ": writing again.", log.get(1));
    List<String> lines = Files.readAllLines(journal.file());
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("{\"record\":\"start\""), lines::toString);
    assertTrue(lines.get(2).startsWith("{\"record\":\"end\""), lines::toString);
  }

  @Test
  void anEndOnlyJournalHandsOnTheRecord() {
    List<SessionRecord> records = new ArrayList<>();
    Recording r = Journal.endOnly(records::add).begin(T);
    assertTrue(r.end(Journals.record("a", Outcome.COMPLETED, T.plusSeconds(5))));
    assertEquals(1, records.size());
  }
}
