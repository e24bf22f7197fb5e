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

class TornLineTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir
  Path dir;

  private final List<String> log = new ArrayList<>();

  private Path journalWithTwoSessions() {
    JsonLinesJournal j = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    j.begin(T).end(Journals.record("a", Outcome.COMPLETED, T.plusSeconds(60)));
    j.begin(T.plusSeconds(100)).end(Journals.record("b", Outcome.COMPLETED, T.plusSeconds(160)));
    return j.file();
  }

  private Path aside() throws Exception {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(".torn-")).findFirst().orElseThrow();
    }
  }

  @Test
  void aTornLastLineIsMovedAsideOwnerOnlyAndEarlierRecordsKept() throws Exception {
    Path file = journalWithTwoSessions();
    long whole = Files.size(file);
    Files.writeString(file, "{\"record\":\"start\",\"sess", StandardOpenOption.APPEND);

    JsonLinesJournal reopened = JsonLinesJournal.open(dir, Source.KIOSK, log::add);

    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith(file + ": the last line (from byte " + whole + ") was cut short"), log::toString);
    assertTrue(log.get(0).contains("moved to sessions.jsonl.torn-"), log::toString);
    assertEquals(whole, Files.size(file));
    assertEquals("{\"record\":\"start\",\"sess", Files.readString(aside(), StandardCharsets.UTF_8));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(aside())));
    reopened.begin(T.plusSeconds(200));
    List<String> problems = new ArrayList<>();
    assertEquals(3, Journals.sessions(file, problems).size());
    assertEquals(List.of(), problems);
  }

  @Test
  void aCompleteLastRecordMissingOnlyItsNewlineIsKept() throws Exception {
    Path file = journalWithTwoSessions();
    String whole = Files.readString(file);
    Files.writeString(file, whole.strip());

    JsonLinesJournal.open(dir, Source.KIOSK, log::add).begin(T.plusSeconds(300));

    assertEquals(List.of(), log);
    assertTrue(Files.readString(file).startsWith(whole));
    assertEquals(5, Files.readAllLines(file).size());
  }

  @Test
  void aTornTailLongerThanOneReadIsFoundFromTheEnd() throws Exception {
    Path file = journalWithTwoSessions();
    long whole = Files.size(file);
    Files.writeString(file, "x".repeat(200_000), StandardOpenOption.APPEND);

    JsonLinesJournal.open(dir, Source.KIOSK, log::add);

    assertEquals(whole, Files.size(file));
    assertEquals(200_000, Files.size(aside()));
  }

  @Test
  void aTornLineWrittenByAnotherProcessIsRepairedBeforeTheNextWrite() throws Exception {
    Path file = journalWithTwoSessions();
    JsonLinesJournal open = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    Files.writeString(file, "{\"record\":\"end\",", StandardOpenOption.APPEND);

    open.begin(T.plusSeconds(400));

    List<String> problems = new ArrayList<>();
    assertEquals(3, Journals.sessions(file, problems).size());
    assertEquals(List.of(), problems, "the new line did not land on the end of the torn one");
    assertEquals(1, log.size(), log::toString);
  }
}
