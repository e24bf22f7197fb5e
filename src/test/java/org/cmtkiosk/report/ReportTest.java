package org.cmtkiosk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.Recording;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.journal.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final List<String> PRACTICES = List.of("soothing-rhythm-breathing", "safe-place", "body-scan",
      "compassionate-self");
  private static final Map<String, String> TITLES = Map.of("safe-place", "Safe place",
      "soothing-rhythm-breathing", "Soothing-rhythm breathing");
  private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

  @TempDir
  Path dir;

  private final List<String> problems = new ArrayList<>();

  static ReportOptions november(boolean includePracticeRuns) {
    return new ReportOptions(NOV_1, NOV_30, ZoneOffset.UTC, includePracticeRuns, TITLES);
  }

  static SessionRecord session(Instant start, long seconds, Integer before, Integer after, PracticeDone... done) {
    return new SessionRecord("ignored", start, start.plusSeconds(seconds), List.of(done), Map.of("pause", 1),
        before, after, 6.0, 8.57);
  }

  static PracticeDone done(String id, Outcome outcome) {
    return new PracticeDone(id, "v1", outcome, List.of());
  }

  /** Writes {@code sessions} to a journal in {@code folder} as {@code source} would, and returns its file. */
  static Path journal(Path folder, Source source, SessionRecord... sessions) {
    JsonLinesJournal journal = JsonLinesJournal.open(folder, source, line -> {
      throw new AssertionError(line);
    });
    for (SessionRecord s : sessions) {
      journal.begin(s.start()).end(s);
    }
    return journal.file();
  }

  /** A month of plausible sessions, the same every run. */
  static SessionRecord[] month() {
    Random random = new Random(7);
    List<SessionRecord> records = new ArrayList<>();
    for (int day = 1; day <= 30; day++) {
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        Instant start = Instant.parse(String.format("2026-11-%02dT%02d:%02d:00Z", day, 9 + i, random.nextInt(60)));
        Outcome outcome = random.nextInt(5) == 0 ? Outcome.STOPPED_EARLY : Outcome.COMPLETED;
        Integer before = random.nextInt(3) == 0 ? null : 2 + random.nextInt(5);
        Integer after = before == null || outcome != Outcome.COMPLETED ? null : Math.min(10, before + random.nextInt(4));
        records.add(session(start, 420 + random.nextInt(300), before, after,
            done(PRACTICES.get(random.nextInt(PRACTICES.size())), outcome)));
      }
    }
    return records.toArray(SessionRecord[]::new);
  }

  private SiteReport.Result report(ReportOptions options, Path... journals) throws Exception {
    return SiteReport.write(List.of(journals), options, dir.resolve("out"), problems::add);
  }

  private List<String> csv(String name) throws Exception {
    return Files.readAllLines(dir.resolve("out").resolve(name));
  }

  @Test
  void aMonthOfJournalBecomesSessionAndDailyCsvAndAOnePagePicture() throws Exception {
    SessionRecord[] month = month();
    SiteReport.Result result = report(november(false), journal(dir.resolve("j"), Source.KIOSK, month));

    List<String> sessions = csv("sessions.csv");
    assertEquals(month.length + 1, sessions.size());
    assertEquals("journal,session,source,date,start,status,minutes,practices,chosen_completed,grounding_offered,"
        + "calm_before,calm_after,calm_change,commands,sound_lost_seconds,underruns,slowest_per_minute,"
        + "fastest_per_minute", sessions.get(0));
    List<String> daily = csv("daily.csv");
    assertEquals(31, daily.size());
    assertEquals("date,sessions,chosen_completed,interrupted,completion_percent,grounding_offered,practices_chosen,"
        + "calm_rated,mean_calm_change", daily.get(0));
    BufferedImage png = ImageIO.read(dir.resolve("out/report.png").toFile());
    assertEquals(1600, png.getWidth());
    assertEquals(1000, png.getHeight());
    assertEquals(month.length, result.report().practiceUse().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(List.of(), problems);
  }

  @Test
  void eachPracticeIsListedWithItsOwnOutcomeAndCompletedMeansAChosenPracticeRanToItsEnd() throws Exception {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    report(november(false), journal(dir.resolve("j"), Source.KIOSK,
        session(t, 600, 3, null, done("welcome", Outcome.COMPLETED), done("safe-place", Outcome.GROUNDING_OFFERED),
            done("grounding", Outcome.COMPLETED)),
        session(t.plusSeconds(3600), 400, 4, 7, done("soothing-rhythm-breathing", Outcome.COMPLETED))));

    List<String> rows = csv("sessions.csv");
    assertTrue(rows.get(1).matches("sessions.jsonl,[0-9a-f-]{36},kiosk,2026-11-02,2026-11-02T10:00,ended,10.0,"
        + "welcome=completed;safe-place=ended_early_grounding_offered;grounding=completed,no,yes,3,,,pause=1,,,6.0,"
        + "8.57"), rows.get(1));
    assertTrue(rows.get(2).contains(",soothing-rhythm-breathing=completed,yes,no,4,7,3,"), rows.get(2));
    assertEquals("2026-11-02,2,1,0,50,1,2,1,3.0", csv("daily.csv").get(2));
  }

  @Test
  void daysWithoutSessionsHaveNoCompletionRateOrCalmChange() throws Exception {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    report(november(false), journal(dir.resolve("j"), Source.KIOSK,
        session(t, 600, null, null, done("safe-place", Outcome.STOPPED_EARLY))));

    List<String> daily = csv("daily.csv");
    assertEquals("2026-11-01,0,0,0,,0,0,0,", daily.get(1));
    assertEquals("2026-11-02,1,0,0,0,0,1,0,", daily.get(2), "a day of sessions none completed is 0%");
  }

  @Test
  void aSessionCutOffByAPowerCutIsReportedAsInterruptedWithItsStart() throws Exception {
    Path folder = dir.resolve("j");
    Instant t = Instant.parse("2026-11-05T14:30:00Z");
    journal(folder, Source.KIOSK, session(t.minusSeconds(3600), 300, null, null, done("safe-place",
        Outcome.COMPLETED)));
    Recording cut = JsonLinesJournal.open(folder, Source.KIOSK, problems::add).begin(t);
    cut.practiceBegins("body-scan", t.plusSeconds(40));

    SiteReport.Result result = report(november(false), folder.resolve(JsonLinesJournal.FILE_NAME));

    String row = csv("sessions.csv").get(2);
    assertTrue(row.contains("," + cut.sessionId() + ",kiosk,2026-11-05,2026-11-05T14:30,interrupted,,"
        + "body-scan=interrupted,no,no,"), row);
    assertEquals("2026-11-05,2,1,1,50,0,2,0,", csv("daily.csv").get(5));
    assertEquals(1, result.report().totals().interrupted());
    assertEquals(1, result.journals().get(0).interrupted());
  }

  @Test
  void practiceRunsAreLeftOutUnlessAskedFor() throws Exception {
    Path folder = dir.resolve("j");
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    journal(folder, Source.KIOSK, session(t, 420, null, null, done("safe-place", Outcome.COMPLETED)));
    Path file = journal(folder, Source.PRACTICE, session(t.plusSeconds(600), 1, null, null,
        done("safe-place", Outcome.COMPLETED)));

    Totals kioskOnly = report(november(false), file).report().totals();
    assertEquals(1, kioskOnly.sessions());
    assertEquals(1, kioskOnly.leftOut());
    assertEquals(2, csv("sessions.csv").size());

    Totals all = report(november(true), file).report().totals();
    assertEquals(2, all.sessions());
    assertTrue(csv("sessions.csv").get(2).contains(",practice,"), () -> "sessions.csv shows the source");
  }

  @Test
  void twoDevicesJournalsMakeOneReportInOrderOfStart() throws Exception {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    Path ward3 = journal(dir.resolve("ward3"), Source.KIOSK,
        session(t, 300, null, null, done("safe-place", Outcome.COMPLETED)),
        session(t.plusSeconds(7200), 300, null, null, done("safe-place", Outcome.COMPLETED)));
    Path ward4 = journal(dir.resolve("ward4"), Source.KIOSK,
        session(t.plusSeconds(3600), 300, null, null, done("body-scan", Outcome.STOPPED_EARLY)));

    SiteReport.Result result = report(november(false), ward3, ward4);

    List<String> rows = csv("sessions.csv");
    assertEquals(List.of("ward3/sessions.jsonl", "ward4/sessions.jsonl", "ward3/sessions.jsonl"),
        rows.subList(1, 4).stream().map(r -> r.substring(0, r.indexOf(','))).toList());
    assertEquals("2026-11-02,3,2,0,67,0,3,0,", csv("daily.csv").get(2));
    assertEquals(List.of(2L, 1L), result.journals().stream().map(SiteReport.JournalRead::counted).toList());
    assertEquals(Map.of("safe-place", 2, "body-scan", 1), result.report().practiceUse());
  }

  @Test
  void journalsWithDifferentFileNamesAreNamedByFileAlone() {
    assertEquals(List.of("ward3.jsonl", "ward4.jsonl"),
        SiteReport.names(List.of(Path.of("/media/usb/a/ward3.jsonl"), Path.of("/media/usb/b/ward4.jsonl"))));
  }

  @Test
  void anOutputThatIsAFileIsOneClearProblem() throws Exception {
    Path journal = journal(dir.resolve("j"), Source.KIOSK, month());
    Path out = Files.writeString(dir.resolve("out"), "a file");

    ReportWriter.CannotWrite e = assertThrows(ReportWriter.CannotWrite.class,
        () -> SiteReport.write(List.of(journal), november(false), out, problems::add));

    assertEquals("cannot write " + out + " (it is a file, not a folder)", e.getMessage());
  }

  @Test
  void thePageSaysWhatItCoversAndWhereThereAreNoRatings() {
    Report report = new Report(november(false));
    assertEquals("No sessions in this period.", ReportPage.totalsLine(report.totals()));
    assertEquals("No calm ratings in this period (the check-in is off, or nobody answered it).",
        ReportPage.calmLine(report.totals()));
    Totals t = new Totals(12, 9, 1, 2, 5, 1.4, 8, 30, 3, 0);
    assertEquals("12 sessions on 8 of 30 days  ·  9 completed a chosen practice (75%)  ·  1 interrupted  ·  "
        + "grounding offered 2 times", ReportPage.totalsLine(t));
    assertEquals("Calm (0-10) rated before and after in 5 sessions: average change +1.4 points.",
        ReportPage.calmLine(t));
  }
}
