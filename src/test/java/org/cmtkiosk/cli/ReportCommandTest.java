package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.journal.Source;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} as a ward manager runs it: which journals, what went wrong with them, and where the files went. */
class ReportCommandTest {
  static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

  @TempDir
  Path dir;

  Path config;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() {
    config = Scripts.write(dir, "kiosk.yaml", """
        practices:
          directory: %s
        journal:
          directory: %s
        """.formatted(Path.of("scripts").toAbsolutePath(), dir.resolve("journal")));
  }

  int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return cli.execute(all);
  }

  /** A device's journal in {@code folder} with one kiosk session per start time. */
  static Path journal(Path folder, Instant... starts) {
    JsonLinesJournal journal = JsonLinesJournal.open(folder, Source.KIOSK, line -> { });
    for (Instant start : starts) {
      journal.begin(start).end(new SessionRecord("x", start, start.plusSeconds(400),
          List.of(new PracticeDone("safe-place", "v", Outcome.COMPLETED, List.of())), Map.of(), 3, 5, null, null));
    }
    return journal.file();
  }

  void assertNoStackTrace() {
    assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err::toString);
  }

  @Test
  void twoDevicesJournalsMakeOneReportThatSaysWhatItRead() throws Exception {
    Path ward3 = journal(dir.resolve("ward3"), T, T.plusSeconds(3600));
    Path ward4 = journal(dir.resolve("ward4"), T.plusSeconds(1800));

    assertEquals(0, run("report", "--journal", ward3.toString(), "--journal", ward4.getParent().toString(),
        "--from", "2026-11-01", "--to", "2026-11-30", "--out", dir.resolve("site").toString()), err::toString);

    assertTrue(out.toString().contains("Read " + ward3 + ": 2 session(s), 2 in this report."), out::toString);
    assertTrue(out.toString().contains("Read " + ward4 + ": 1 session(s), 1 in this report."), out::toString);
    assertTrue(out.toString().contains("Report for 2026-11-01 to 2026-11-30: 3 session(s). Wrote sessions.csv, "
        + "daily.csv, report.png to " + dir.resolve("site") + "."), out::toString);
    assertEquals(4, Files.readAllLines(dir.resolve("site/sessions.csv")).size());
    assertEquals("", err.toString());
  }

  @Test
  void theConfiguredJournalIsReadByDefaultAndNamedInTheOutput() {
    Path own = journal(dir.resolve("journal"), T);

    assertEquals(0, run("report", "--from", "2026-11-01", "--to", "2026-11-30", "--out", dir.resolve("r")
        .toString()), err::toString);

    assertTrue(out.toString().startsWith("Read " + own + ": 1 session(s), 1 in this report."), out::toString);
  }

  @Test
  void aMissingJournalIsNamedAndWithNoneReadableTheExitIsNonZero() {
    Path missing = dir.resolve("nowhere/sessions.jsonl");

    assertEquals(1, run("report", "--journal", missing.toString(), "--out", dir.resolve("r").toString()));

    assertEquals(List.of("Journal " + missing + " does not exist — check --journal, or journal.directory in the "
        + "config (a packaged kiosk keeps it in /var/lib/cmt-kiosk/journal).",
        "No journal could be read, so no report was written."), err.toString().lines().toList());
    assertFalse(Files.exists(dir.resolve("r/sessions.csv")));
  }

  @Test
  void anEmptyJournalIsReportedWithAWarning() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));

    assertEquals(0, run("report", "--journal", empty.toString(), "--out", dir.resolve("r").toString()));

    assertTrue(err.toString().contains("Journal " + empty + " has no sessions (the file is empty) — is this the "
        + "right journal?"), err::toString);
  }

  @Test
  void damagedLinesAreNamedWithTheirNumbersAndTheRestReports() throws Exception {
    Path file = journal(dir.resolve("j"), T);
    Files.writeString(file, "null\n", StandardOpenOption.APPEND);
    Files.write(file, new byte[] {(byte) 0xFF, '\n'}, StandardOpenOption.APPEND);
    journal(dir.resolve("j"), T.plusSeconds(600));

    assertEquals(0, run("report", "--journal", file.toString(), "--from", "2026-11-01", "--to", "2026-11-30",
        "--out", dir.resolve("r").toString()));

    assertTrue(err.toString().contains("Journal: " + file + ":3: not a session record"), err::toString);
    assertTrue(err.toString().contains("Journal: " + file + ":4: not valid UTF-8"), err::toString);
    assertTrue(out.toString().contains("2 session(s), 2 in this report; 2 damaged line(s) skipped."), out::toString);
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsOneLineWithoutAStackTrace() throws Exception {
    Path file = journal(dir.resolve("j"), T);
    Path notAFolder = Files.writeString(dir.resolve("taken"), "x");

    assertEquals(4, run("report", "--journal", file.toString(), "--out", notAFolder.toString()));

    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err::toString);
    assertTrue(lines.get(0).startsWith("report: cannot write " + notAFolder + " (--out)"), err::toString);
    assertNoStackTrace();
  }

  @Test
  void datesTheWrongWayRoundAreSaidPlainly() {
    assertEquals(2, run("report", "--from", "2026-11-30", "--to", "2026-11-01", "--out", dir.toString()));
    assertEquals("--from 2026-11-30 is after --to 2026-11-01; swap them.", err.toString().strip());
  }
}
