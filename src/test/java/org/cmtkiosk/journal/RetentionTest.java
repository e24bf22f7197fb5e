package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

class RetentionTest {
  private static final Instant CUTOFF = Instant.parse("2026-08-24T00:00:00Z");

  @TempDir
  Path dir;

  private final List<String> log = new ArrayList<>();

  private JsonLinesJournal journalWithOldAndNew() throws IOException {
    JsonLinesJournal j = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    Instant old = Instant.parse("2026-01-01T10:00:00Z");
    Recording r = j.begin(old);
    r.soundLost(old.plusSeconds(5));
    r.end(Journals.record("old", Outcome.COMPLETED, old.plusSeconds(60)));
    j.begin(Instant.parse("2026-02-01T10:00:00Z"));
    Files.writeString(j.file(), "not a record\n", StandardOpenOption.APPEND);
    Instant recent = Instant.parse("2026-11-01T10:00:00Z");
    j.begin(recent).end(Journals.record("recent", Outcome.COMPLETED, recent.plusSeconds(60)));
    return j;
  }

  @Test
  void oldLinesOfEveryKindGoAndDamagedOnesStayPrivately() throws Exception {
    JsonLinesJournal j = journalWithOldAndNew();

    assertEquals(4, j.deleteOlderThan(CUTOFF), "start, event and end of the old session, and a lone old start");

    List<String> lines = Files.readAllLines(j.file());
    assertEquals(3, lines.size(), lines::toString);
    assertEquals("not a record", lines.get(0), "an unreadable line is kept, not silently dropped");
    List<String> problems = new ArrayList<>();
    assertEquals(1, Journals.sessions(j.file(), problems).size());
    assertEquals(1, problems.size());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file())));
    assertEquals(0, j.deleteOlderThan(CUTOFF));
  }

  @Test
  void retentionThatCannotWriteLeavesTheJournalAsItWas() throws Exception {
    JsonLinesJournal j = journalWithOldAndNew();
    String before = Files.readString(j.file());
    Files.createDirectory(j.file().resolveSibling(j.file().getFileName() + ".new"));

    assertThrows(IOException.class, () -> j.deleteOlderThan(CUTOFF));

    assertEquals(before, Files.readString(j.file()), "nothing already recorded is lost");
  }

  @Test
  void invalidBytesDoNotStopRetention() throws Exception {
    JsonLinesJournal j = journalWithOldAndNew();
    Files.write(j.file(), new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'}, StandardOpenOption.APPEND);

    assertEquals(4, j.deleteOlderThan(CUTOFF));

    byte[] kept = Files.readAllBytes(j.file());
    assertTrue(kept[kept.length - 3] == (byte) 0xFF, "the damaged line is kept byte for byte");
  }
}
