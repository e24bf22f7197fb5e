package org.cmtkiosk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final List<String> PRACTICES = List.of("soothing-rhythm-breathing", "safe-place", "body-scan",
      "compassionate-self");

  @TempDir
  Path dir;

  /** A month of plausible sessions, the same every run. */
  static List<SessionRecord> month() {
    Random random = new Random(7);
    List<SessionRecord> records = new ArrayList<>();
    for (int day = 1; day <= 30; day++) {
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        Instant start = Instant.parse(String.format("2026-11-%02dT%02d:%02d:00Z", day, 9 + random.nextInt(9),
            random.nextInt(60)));
        String practice = PRACTICES.get(random.nextInt(PRACTICES.size()));
        Outcome outcome = random.nextInt(5) == 0 ? Outcome.STOPPED_EARLY : Outcome.COMPLETED;
        Integer before = random.nextInt(3) == 0 ? null : 2 + random.nextInt(5);
        Integer after = before == null || outcome != Outcome.COMPLETED ? null : Math.min(10, before + random.nextInt(4));
        records.add(new SessionRecord("s" + day + "-" + i, start, start.plusSeconds(420 + random.nextInt(300)),
            List.of(new PracticeDone(practice, "v1", outcome, List.of("3-1-3-0", "5-0-5-0"))),
            Map.of("pause", random.nextInt(2)), before, after, 6.0, 8.57));
      }
    }
    return records;
  }

  @Test
  void aMonthOfJournalBecomesSessionAndDailyCsvAndAChart() throws Exception {
    List<SessionRecord> records = month();
    Report report = Report.of(records, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), ZoneOffset.UTC);
    List<Path> files = ReportWriter.write(report, dir);

    List<String> sessions = Files.readAllLines(files.get(0));
    assertEquals(records.size() + 1, sessions.size());
    assertTrue(sessions.get(0).startsWith("session,date,start,minutes,practices,outcomes,completed,calm_before"),
        sessions.get(0));
    List<String> daily = Files.readAllLines(files.get(1));
    assertEquals(31, daily.size());
    assertEquals("date,sessions,completed,completion_rate,practices,mean_calm_change", daily.get(0));
    BufferedImage png = ImageIO.read(files.get(2).toFile());
    assertEquals(1600, png.getWidth());
    assertEquals(900, png.getHeight());
    int total = report.practiceUse().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(records.size(), total);
  }

  @Test
  void completionAndCalmChangeAreWorkedOutPerDay() {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    List<SessionRecord> records = List.of(
        new SessionRecord("a", t, t.plusSeconds(600), List.of(new PracticeDone("welcome", "v", Outcome.COMPLETED,
            List.of()), new PracticeDone("safe-place", "v", Outcome.GROUNDING_OFFERED, List.of()),
            new PracticeDone("grounding", "v", Outcome.COMPLETED, List.of())), Map.of(), 3, null, null, null),
        new SessionRecord("b", t.plusSeconds(3600), t.plusSeconds(4000), List.of(new PracticeDone(
            "soothing-rhythm-breathing", "v", Outcome.COMPLETED, List.of())), Map.of(), 4, 7, 6.0, 6.0));
    Report report = Report.of(records, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2), ZoneOffset.UTC);
    Report.DayRow day = report.days().get(0);
    assertEquals(2, day.sessions());
    assertEquals(1, day.completed(), "grounding after a stop is not a completed practice");
    assertEquals(0.5, day.completion_rate());
    assertEquals(3.0, day.mean_calm_change());
    assertEquals(Map.of("safe-place", 1, "soothing-rhythm-breathing", 1), report.practiceUse());
  }
}
