package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cmtkiosk.cli.DoctorCommand.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's clock lines, on given instants: a Pi after a power cut without a real-time clock. */
class ClockChecksTest {
  static final Instant BUILT = Instant.parse("2026-11-29T22:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aClockBeforeTheBuildIsAProblemWithTheFix() {
    Check c = ClockChecks.againstBuild(Instant.parse("1970-01-01T00:01:00Z"), Optional.of(BUILT));

    assertFalse(c.ok());
    assertEquals("PROBLEM  clock                  the clock says 1970-01-01 00:01 UTC, before this program was "
        + "built (2026-11-29 22:00 UTC) — set it (sudo date -s 'YYYY-MM-DD HH:MM'), then see 'clock keeper'",
        c.line());
  }

  @Test
  void aClockAfterTheBuildOrWithinADayOfItIsFine() {
    assertTrue(ClockChecks.againstBuild(BUILT.plus(Duration.ofDays(40)), Optional.of(BUILT)).ok());
    assertTrue(ClockChecks.againstBuild(BUILT.minus(Duration.ofHours(20)), Optional.of(BUILT)).ok(),
        "build machines' clocks differ a little");
    assertTrue(ClockChecks.againstBuild(Instant.EPOCH, Optional.empty()).ok(), "no build time, nothing to say");
  }

  @Test
  void aClockBehindTheJournalsLastRecordSaysByHowMuch() {
    Instant last = Instant.parse("2026-11-29T16:10:00Z");

    Check behind = ClockChecks.againstJournal(last.minus(Duration.ofHours(27)), Optional.of(last));
    assertFalse(behind.ok());
    assertTrue(behind.line().contains("the clock is 1 day(s) 3 h behind the journal's last record "
        + "(2026-11-29 16:10 UTC)"), behind.line());

    assertTrue(ClockChecks.againstJournal(last.minus(Duration.ofMinutes(4)), Optional.of(last)).ok());
    assertTrue(ClockChecks.againstJournal(last.plusSeconds(1), Optional.of(last)).ok());
    assertTrue(ClockChecks.againstJournal(last, Optional.empty()).ok());
  }

  @Test
  void theLastRecordIsTheLatestOfTheLastLinesTimesAndTheFilesModification() throws Exception {
    Path journal = dir.resolve("sessions.jsonl");
    Files.writeString(journal, """
        {"session":"a","start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:07:00Z"}
        {"record":"start","session":"b","source":"kiosk","start":"2026-11-28T09:00:00Z"}
        {"session":"c","start":"2026-11-27T09:00:00Z","end":"2026-11-27T09
        """);
    Files.setLastModifiedTime(journal, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
    assertEquals(Optional.of(Instant.parse("2026-11-01T00:00:00Z")), ClockChecks.lastRecord(journal),
        "a torn last line has no time; the file's time stands");

    Files.writeString(journal, "{\"session\":\"d\",\"start\":\"2026-11-29T08:00:00Z\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.setLastModifiedTime(journal, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
    assertEquals(Optional.of(Instant.parse("2026-11-29T08:00:00Z")), ClockChecks.lastRecord(journal));

    Files.writeString(journal, "{\"record\":\"event\",\"session\":\"d\",\"at\":\"2026-11-29T08:03:00Z\","
        + "\"event\":\"practice\",\"practice\":\"safe-place\"}\n", java.nio.file.StandardOpenOption.APPEND);
    Files.setLastModifiedTime(journal, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
    assertEquals(Optional.of(Instant.parse("2026-11-29T08:03:00Z")), ClockChecks.lastRecord(journal),
        "an event record's time");

    assertEquals(Optional.empty(), ClockChecks.lastRecord(dir.resolve("none.jsonl")));
  }

  @Test
  void withoutARealTimeClockFakeHwclockIsNeeded() {
    assertTrue(ClockChecks.keeper(true, false).ok());
    assertTrue(ClockChecks.keeper(false, true).ok());
    Check none = ClockChecks.keeper(false, false);
    assertFalse(none.ok());
    assertTrue(none.line().endsWith("— sudo apt install fake-hwclock (the package recommends it), or fit an RTC"),
        none.line());
  }

  @Test
  void theBuildTimeComesFromTheBuild() {
    Instant built = ClockChecks.buildTime().orElseThrow();
    assertTrue(built.isAfter(Instant.parse("2024-01-01T00:00:00Z")) && built.isBefore(Instant.now().plusSeconds(60)),
        built::toString);
  }
}
