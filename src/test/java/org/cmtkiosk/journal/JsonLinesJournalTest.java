package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
  @TempDir
  Path dir;

  static SessionRecord record(String id, Outcome outcome) {
    return record(id, outcome, Instant.parse("2026-11-22T10:07:00Z"));
  }

  static SessionRecord record(String id, Outcome outcome, Instant end) {
    return new SessionRecord(id, end.minusSeconds(420), end, List.of(new SessionRecord.PracticeDone(
        "soothing-rhythm-breathing", "abc123def456", outcome, List.of("3-1-3-0", "5-0-5-0"))),
        java.util.Map.of("pause", 1), 4, 6, 6.0, 8.57);
  }

  @Test
  void recordsAreAppendedOnePerLineAndReadBack() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir).journal();
    j.append(record("s1", Outcome.COMPLETED));
    j.append(record("s2", Outcome.STOPPED_EARLY));

    List<String> lines = Files.readAllLines(j.file());
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).contains("\"outcome\":\"stopped_early\""), lines.get(1));
    assertTrue(lines.get(0).contains("\"start\":\"2026-11-22T10:00:00Z\""), lines.get(0));
    assertTrue(lines.get(0).contains("\"commands\":{\"pause\":1},\"calm_before\":4,\"calm_after\":6"),
        lines.get(0));
    List<String> problems = new ArrayList<>();
    assertEquals(List.of(record("s1", Outcome.COMPLETED), record("s2", Outcome.STOPPED_EARLY)), j.readAll(problems));
    assertEquals(List.of(), problems);
  }

  @Test
  void tornLastLineIsReportedMovedAsideAndEarlierRecordsKept() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir).journal();
    j.append(record("s1", Outcome.COMPLETED));
    j.append(record("s2", Outcome.COMPLETED));
    Files.writeString(j.file(), "{\"session\":\"s3\",\"pract", StandardOpenOption.APPEND);

    JsonLinesJournal.Opened reopened = JsonLinesJournal.open(dir);
    String note = reopened.repairNote().orElseThrow();
    assertTrue(note.startsWith(j.file() + ":3: the last record was cut short"), note);
    assertTrue(note.contains("2 earlier records are intact"), note);

    reopened.journal().append(record("s4", Outcome.COMPLETED));
    List<String> problems = new ArrayList<>();
    List<SessionRecord> all = reopened.journal().readAll(problems);
    assertEquals(List.of("s1", "s2", "s4"), all.stream().map(SessionRecord::sessionId).toList());
    assertEquals(List.of(), problems);
    try (var files = Files.list(dir)) {
      Path aside = files.filter(p -> p.getFileName().toString().contains(".torn-")).findFirst().orElseThrow();
      assertEquals("{\"session\":\"s3\",\"pract", Files.readString(aside, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aCompleteLastRecordMissingOnlyItsNewlineIsKept() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir).journal();
    j.append(record("s1", Outcome.COMPLETED));
    String whole = Files.readString(j.file());
    Files.writeString(j.file(), whole + whole.strip());

    JsonLinesJournal.Opened reopened = JsonLinesJournal.open(dir);
    assertTrue(reopened.repairNote().isEmpty());
    reopened.journal().append(record("s3", Outcome.COMPLETED));
    assertEquals(3, reopened.journal().readAll(new ArrayList<>()).size());
  }

  @Test
  void journalIsReadableOnlyByItsOwner() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir.resolve("private")).journal();
    j.append(record("s1", Outcome.COMPLETED));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private"))));
  }

  @Test
  void retentionDeletesOnlyRecordsOlderThanTheCutoffAndKeepsThemPrivate() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir).journal();
    j.append(record("old", Outcome.COMPLETED, Instant.parse("2026-01-01T10:00:00Z")));
    j.append(record("recent", Outcome.COMPLETED, Instant.parse("2026-11-01T10:00:00Z")));
    Files.writeString(j.file(), "not a record\n", StandardOpenOption.APPEND);
    j.append(record("today", Outcome.COMPLETED, Instant.parse("2026-11-22T10:00:00Z")));

    assertEquals(1, j.deleteOlderThan(Instant.parse("2026-08-24T00:00:00Z")));

    List<String> problems = new ArrayList<>();
    assertEquals(List.of("recent", "today"), j.readAll(problems).stream().map(SessionRecord::sessionId).toList());
    assertEquals(1, problems.size(), "an unreadable line is kept, not silently dropped");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
    assertEquals(0, j.deleteOlderThan(Instant.parse("2026-08-24T00:00:00Z")));
  }

  @Test
  void aDamagedLineInTheMiddleIsSkippedWithItsLineNumber() throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(dir).journal();
    j.append(record("s1", Outcome.COMPLETED));
    Files.writeString(j.file(), "garbage\n", StandardOpenOption.APPEND);
    j.append(record("s2", Outcome.COMPLETED));
    List<String> problems = new ArrayList<>();
    assertEquals(2, j.readAll(problems).size());
    assertTrue(problems.get(0).startsWith(j.file() + ":2: not a session record"), problems::toString);
  }
}
