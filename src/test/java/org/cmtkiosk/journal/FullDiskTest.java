package org.cmtkiosk.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.testing.Tmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A really full and a really read-only disk (a 64 KiB tmpfs; skipped where it cannot be mounted). */
class FullDiskTest {
  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
  private static final int PAGE = 4096;
  private static final String TORN = "{\"record\":\"end\",\"session\":\"cut-";

  @TempDir
  Path dir;

  private Tmpfs disk;
  private Path file;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void mount() throws Exception {
    disk = Tmpfs.mount(dir.resolve("disk"), 64);
    file = disk.path().resolve(JsonLinesJournal.FILE_NAME);
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  /** Two sessions, padded with a blank line so that the file (plus {@code tail}) ends exactly {@code free} bytes
   * before the end of its last page: a full disk then has exactly that much room left in it. */
  private void journal(String tail, int free) throws Exception {
    JsonLinesJournal j = JsonLinesJournal.open(disk.path(), Source.KIOSK, log::add);
    j.begin(T).end(Journals.record("a", Outcome.COMPLETED, T.plusSeconds(60)));
    j.begin(T.plusSeconds(100)).end(Journals.record("b", Outcome.COMPLETED, T.plusSeconds(160)));
    long used = Files.size(file) + tail.length() + 1;
    String padding = " ".repeat((int) (PAGE - used % PAGE - free)) + "\n";
    Files.writeString(file, padding + tail, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(0, (Files.size(file) + free) % PAGE);
  }

  @Test
  void aTornLineOnAFullDiskIsSaidOnceAndSessionsGoOnThenAllIsWrittenWhenThereIsSpace() throws Exception {
    journal(TORN, 0);
    Path filler = disk.fill("filler");

    JsonLinesJournal full = JsonLinesJournal.open(disk.path(), Source.KIOSK, log::add);
    Recording r = full.begin(T.plusSeconds(200));
    boolean written = r.end(Journals.record("c", Outcome.COMPLETED, T.plusSeconds(260)));

    assertFalse(written);
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).contains("can be neither moved aside nor ended (no space left on device): sessions go on"),
        log::toString);
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).endsWith(TORN), "nothing was cut off");

    Files.delete(filler);
    assertTrue(full.flush());

    List<String> problems = new ArrayList<>();
    assertEquals(List.of("a", "b", r.sessionId()).size(), Journals.sessions(file, problems).size());
    assertEquals(List.of(), problems);
    assertTrue(log.get(log.size() - 1).endsWith("writing again."), log::toString);
  }

  @Test
  void aShortWriteOnAReallyFullDiskIsRolledBack() throws Exception {
    journal("", 50);
    disk.fill("filler");
    long before = Files.size(file);

    assertFalse(JsonLinesJournal.open(disk.path(), Source.KIOSK, log::add).begin(T.plusSeconds(200))
        .end(Journals.record("c", Outcome.COMPLETED, T.plusSeconds(260))));

    assertEquals(before, Files.size(file), "the 50 bytes that fitted were taken back");
    assertEquals(1, log.size(), log::toString);
  }

  @Test
  void aReadOnlyDiskWithATornLineNeverStopsASession() throws Exception {
    journal(TORN, 100);
    disk.readOnly();

    JsonLinesJournal readOnly = JsonLinesJournal.open(disk.path(), Source.KIOSK, log::add);
    Recording r = readOnly.begin(T.plusSeconds(200));
    r.soundLost(T.plusSeconds(210));

    assertFalse(r.end(Journals.record("c", Outcome.COMPLETED, T.plusSeconds(260))));
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).contains("(read-only file system): sessions go on"), log::toString);
    assertEquals(3, readOnly.waiting());
    List<String> problems = new ArrayList<>();
    assertEquals(2, Journals.sessions(file, problems).size(), "the journal still reads");
    assertEquals(1, problems.size(), problems::toString);
  }
}
