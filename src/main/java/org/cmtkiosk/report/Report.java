package org.cmtkiosk.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;

/** The journal summarised for staff and clinicians: one row per session and one per day. */
public final class Report {
  private static final List<String> NOT_COUNTED = List.of("welcome", "grounding");

  private final List<SessionRow> sessions;
  private final List<DayRow> days;
  private final Map<String, Integer> practiceUse;

  private Report(List<SessionRow> sessions, List<DayRow> days, Map<String, Integer> practiceUse) {
    this.sessions = sessions;
    this.days = days;
    this.practiceUse = practiceUse;
  }

  /** One session, as a CSV row. */
  @JsonPropertyOrder({"session", "date", "start", "minutes", "practices", "outcomes", "completed", "calm_before",
      "calm_after", "calm_change", "commands", "slowest_per_minute", "fastest_per_minute"})
  public record SessionRow(String session, LocalDate date, String start, double minutes, String practices,
      String outcomes, boolean completed, Integer calm_before, Integer calm_after, Integer calm_change,
      String commands, Double slowest_per_minute, Double fastest_per_minute) {}

  /** One day's totals, as a CSV row. */
  @JsonPropertyOrder({"date", "sessions", "completed", "completion_rate", "practices", "mean_calm_change"})
  public record DayRow(LocalDate date, int sessions, int completed, double completion_rate, int practices,
      Double mean_calm_change) {}

  /** Summarises the sessions that started between {@code from} and {@code to} (inclusive, local dates). */
  public static Report of(List<SessionRecord> records, LocalDate from, LocalDate to, ZoneId zone) {
    List<SessionRow> rows = records.stream()
        .filter(r -> r.start() != null)
        .map(r -> row(r, zone))
        .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to))
        .sorted((a, b) -> a.start().compareTo(b.start()))
        .toList();
    Map<String, Integer> use = new TreeMap<>();
    records.stream().filter(r -> r.start() != null)
        .filter(r -> inRange(r.start().atZone(zone).toLocalDate(), from, to))
        .flatMap(r -> r.practices().stream())
        .filter(p -> !NOT_COUNTED.contains(p.practiceId()))
        .forEach(p -> use.merge(p.practiceId(), 1, Integer::sum));
    return new Report(rows, days(rows, from, to), use);
  }

  private static boolean inRange(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  private static SessionRow row(SessionRecord r, ZoneId zone) {
    List<SessionRecord.PracticeDone> chosen = r.practices().stream()
        .filter(p -> !NOT_COUNTED.contains(p.practiceId())).toList();
    boolean completed = chosen.stream().anyMatch(p -> p.outcome() == Outcome.COMPLETED);
    Integer change = r.calmBefore() != null && r.calmAfter() != null ? r.calmAfter() - r.calmBefore() : null;
    return new SessionRow(r.sessionId(), r.start().atZone(zone).toLocalDate(),
        r.start().atZone(zone).toLocalDateTime().withNano(0).toString(),
        Math.round(r.duration().toSeconds() / 6.0) / 10.0,
        r.practices().stream().map(SessionRecord.PracticeDone::practiceId).collect(Collectors.joining(";")),
        r.practices().stream().map(p -> p.outcome().name().toLowerCase()).collect(Collectors.joining(";")),
        completed, r.calmBefore(), r.calmAfter(), change,
        r.commands().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")),
        r.slowestPerMinute(), r.fastestPerMinute());
  }

  private static List<DayRow> days(List<SessionRow> rows, LocalDate from, LocalDate to) {
    List<DayRow> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      List<SessionRow> today = rows.stream().filter(r -> r.date().equals(day)).toList();
      int completed = (int) today.stream().filter(SessionRow::completed).count();
      int practices = today.stream().mapToInt(r -> r.practices().isEmpty() ? 0
          : (int) java.util.Arrays.stream(r.practices().split(";")).filter(p -> !NOT_COUNTED.contains(p)).count())
          .sum();
      OptionalDouble change = today.stream().filter(r -> r.calm_change() != null)
          .mapToInt(SessionRow::calm_change).average();
      days.add(new DayRow(day, today.size(), completed, today.isEmpty() ? 0
          : Math.round(1000.0 * completed / today.size()) / 1000.0, practices,
          change.isPresent() ? Math.round(change.getAsDouble() * 100) / 100.0 : null));
    }
    return days;
  }

  public List<SessionRow> sessions() {
    return sessions;
  }

  public List<DayRow> days() {
    return days;
  }

  /** How often each practice was chosen (welcome and grounding are not choices). */
  public Map<String, Integer> practiceUse() {
    return practiceUse;
  }
}
