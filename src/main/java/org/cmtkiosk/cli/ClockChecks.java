package org.cmtkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.cmtkiosk.cli.DoctorCommand.Check;

/**
 * Whether the clock can be trusted for journal dates, daily reports, quiet hours and retention. A Raspberry Pi has
 * no real-time clock and the kiosk no network time, so after a power cut the clock may start from an old date.
 */
final class ClockChecks {
  /** Build machines' clocks differ a little; only a clock well before the build is wrong. */
  static final Duration BUILD_SLACK = Duration.ofDays(1);
  /** The journal's last record may be from a moment ago. */
  static final Duration JOURNAL_SLACK = Duration.ofMinutes(5);
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String SET_IT = "set it (sudo date -s 'YYYY-MM-DD HH:MM'), then see 'clock keeper'";
  private static final int TAIL_BYTES = 64 * 1024;

  private ClockChecks() {}

  /** The clock against the time this program was built. */
  static Check againstBuild(Instant now, Optional<Instant> built) {
    if (built.isEmpty()) {
      return new Check("clock", true, SHOWN.format(now) + " (build time unknown: not run from the built jar)", "");
    }
    boolean ok = !now.isBefore(built.get().minus(BUILD_SLACK));
    return ok ? new Check("clock", true, SHOWN.format(now) + ", after this build (" + SHOWN.format(built.get())
        + ")", "") : new Check("clock", false, "the clock says " + SHOWN.format(now) + ", before this program was "
        + "built (" + SHOWN.format(built.get()) + ")", SET_IT);
  }

  /** The clock against the journal's last record: a clock that went back misdates reports and quiet hours. */
  static Check againstJournal(Instant now, Optional<Instant> lastRecord) {
    if (lastRecord.isEmpty()) {
      return new Check("clock vs journal", true, "no journal records yet", "");
    }
    Duration behind = Duration.between(now, lastRecord.get());
    if (behind.compareTo(JOURNAL_SLACK) <= 0) {
      return new Check("clock vs journal", true, "after the last record (" + SHOWN.format(lastRecord.get()) + ")",
          "");
    }
    return new Check("clock vs journal", false, "the clock is " + words(behind) + " behind the journal's last record ("
        + SHOWN.format(lastRecord.get()) + "), so it went back, probably at a power cut", SET_IT);
  }

  /** Something that keeps the time across power cuts: a real-time clock or fake-hwclock. */
  static Check keeper(boolean realTimeClock, boolean fakeHwclock) {
    if (realTimeClock) {
      return new Check("clock keeper", true, "a real-time clock (rtc0) keeps the time; on a Pi 5, fit its battery",
          "");
    }
    if (fakeHwclock) {
      return new Check("clock keeper", true, "fake-hwclock keeps the time moving forward across power cuts", "");
    }
    return new Check("clock keeper", false, "no real-time clock and no fake-hwclock: after a power cut the clock "
        + "may start from an old date", "sudo apt install fake-hwclock (the package recommends it), or fit an RTC");
  }

  private static String words(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    return days > 0 ? days + " day(s) " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min"
        : minutes + " min";
  }

  /** When this program was built, from the build.properties the build filled in. */
  static Optional<Instant> buildTime() {
    try (InputStream in = ClockChecks.class.getResourceAsStream("/org/cmtkiosk/build.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.of(Instant.parse(p.getProperty("build.time", "")));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The latest time the journal shows: its last record's time (an end record's end, an event's at, a start
   * record's start), or the file's modification time if later
   * (both were taken from this clock). Reads only the file's tail.
   */
  static Optional<Instant> lastRecord(Path journal) throws IOException {
    if (!Files.isRegularFile(journal)) {
      return Optional.empty();
    }
    Optional<Instant> modified = Optional.of(Files.getLastModifiedTime(journal).toInstant());
    Optional<Instant> recorded = lastLine(journal).flatMap(ClockChecks::timeOf);
    return Stream.of(modified, recorded).flatMap(Optional::stream).max(Instant::compareTo);
  }

  private static Optional<String> lastLine(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(tail);
      List<String> lines = new String(tail, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList();
      return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }
  }

  private static Optional<Instant> timeOf(String line) {
    try {
      JsonNode record = new ObjectMapper().readTree(line);
      for (String field : List.of("end", "at", "start")) {
        if (record.path(field).isTextual()) {
          return Optional.of(Instant.parse(record.get(field).asText()));
        }
      }
    } catch (IOException | DateTimeParseException e) {
      // A torn or foreign last line: the file's modification time still counts.
    }
    return Optional.empty();
  }

  static boolean hasRealTimeClock() {
    return Files.exists(Path.of("/dev/rtc0")) || Files.exists(Path.of("/sys/class/rtc/rtc0"));
  }

  static boolean hasFakeHwclock() {
    return Stream.of("/usr/sbin/fake-hwclock", "/sbin/fake-hwclock").anyMatch(p -> Files.isExecutable(Path.of(p)));
  }
}
