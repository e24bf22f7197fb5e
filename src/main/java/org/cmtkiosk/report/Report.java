package org.cmtkiosk.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cmtkiosk.journal.RecordedSession;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.Source;

/**
 * Sums up sessions one at a time, for staff and clinicians: totals per day and for the period, and how often each
 * practice was chosen. Holds one small tally per day, never the sessions themselves, so any journal fits in memory.
 */
public final class Report {
  /** Not choices: the daily welcome, and grounding (offered after a stop, or to close). */
  static final List<String> NOT_CHOSEN = List.of("welcome", "grounding");

  private final ReportOptions options;
  private final Map<LocalDate, DayTally> days = new TreeMap<>();
  private final Map<String, Integer> practiceUse = new TreeMap<>();
  private int leftOut;

  public Report(ReportOptions options) {
    this.options = options;
    for (LocalDate d = options.from(); !d.isAfter(options.to()); d = d.plusDays(1)) {
      days.put(d, new DayTally());
    }
  }

  /** Adds one session from the journal called {@code journal}; returns its row if the report counts it. */
  public Optional<SessionRow> add(String journal, RecordedSession recorded) {
    SessionRecord s = recorded.session();
    ZonedDateTime start = s.start().atZone(options.zone());
    if (!options.covers(start.toLocalDate())) {
      return Optional.empty();
    }
    if (!options.includePracticeRuns() && !Source.isKiosk(s.source())) {
      leftOut++;
      return Optional.empty();
    }
    SessionRow row = row(journal, recorded, start);
    days.get(row.date()).add(row, chosen(s).size());
    chosen(s).forEach(p -> practiceUse.merge(p.practiceId(), 1, Integer::sum));
    return Optional.of(row);
  }

  public ReportOptions options() {
    return options;
  }

  /** One row per day of the period, empty days included. */
  public List<DayRow> days() {
    return days.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
  }

  /** How often each practice was chosen, by id (welcome and grounding are not choices). */
  public Map<String, Integer> practiceUse() {
    return Map.copyOf(practiceUse);
  }

  public Totals totals() {
    DayTally all = new DayTally();
    days.values().forEach(all::add);
    int withSessions = (int) days.values().stream().filter(d -> d.sessions > 0).count();
    return new Totals(all.sessions, all.completed, all.interrupted, all.grounding, all.calmRated, all.meanCalm(),
        withSessions, days.size(), leftOut, all.soundTrouble);
  }

  /** The days grouped into {@code period}-long buckets (a week, a month) for a chart of a long period. */
  List<Bucket> buckets(Bucket.Size size) {
    Map<LocalDate, DayTally> grouped = new TreeMap<>();
    days.forEach((day, tally) -> grouped.computeIfAbsent(size.first(day), d -> new DayTally()).add(tally));
    return grouped.entrySet().stream().map(e -> new Bucket(e.getKey(), size, e.getValue())).toList();
  }

  private static List<SessionRecord.PracticeDone> chosen(SessionRecord s) {
    return s.practices().stream().filter(p -> !NOT_CHOSEN.contains(p.practiceId())).toList();
  }

  private static SessionRow row(String journal, RecordedSession recorded, ZonedDateTime start) {
    SessionRecord s = recorded.session();
    boolean completed = chosen(s).stream().anyMatch(p -> p.outcome() == Outcome.COMPLETED);
    boolean grounding = s.practices().stream().anyMatch(p -> p.outcome() == Outcome.GROUNDING_OFFERED);
    Integer change = s.calmBefore() != null && s.calmAfter() != null ? s.calmAfter() - s.calmBefore() : null;
    return new SessionRow(journal, s.sessionId(), s.source() == null ? Source.KIOSK.id() : s.source(),
        start.toLocalDate(), start.toLocalDateTime().withNano(0).toString(),
        recorded.interrupted() ? "interrupted" : "ended",
        s.duration() == null ? null : Math.round(s.duration().toSeconds() / 6.0) / 10.0,
        s.practices().stream().map(p -> p.practiceId() + "=" + p.outcome().word()).collect(Collectors.joining(";")),
        yesNo(completed), yesNo(grounding), s.calmBefore(), s.calmAfter(), change,
        s.commands().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")),
        s.soundLostSeconds(), s.underruns(), s.slowestPerMinute(), s.fastestPerMinute());
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  /** Counts for one day (or a group of days). */
  static final class DayTally {
    int sessions;
    int completed;
    int interrupted;
    int grounding;
    int chosen;
    int calmRated;
    long calmChangeSum;
    int soundTrouble;

    void add(SessionRow r, int chosenPractices) {
      sessions++;
      completed += r.chosen_completed().equals("yes") ? 1 : 0;
      interrupted += r.status().equals("interrupted") ? 1 : 0;
      grounding += r.grounding_offered().equals("yes") ? 1 : 0;
      chosen += chosenPractices;
      if (r.calm_change() != null) {
        calmRated++;
        calmChangeSum += r.calm_change();
      }
      soundTrouble += r.sound_lost_seconds() != null || r.underruns() != null ? 1 : 0;
    }

    void add(DayTally d) {
      sessions += d.sessions;
      completed += d.completed;
      interrupted += d.interrupted;
      grounding += d.grounding;
      chosen += d.chosen;
      calmRated += d.calmRated;
      calmChangeSum += d.calmChangeSum;
      soundTrouble += d.soundTrouble;
    }

    Double meanCalm() {
      return calmRated == 0 ? null : Math.round(100.0 * calmChangeSum / calmRated) / 100.0;
    }

    Integer completionPercent() {
      return sessions == 0 ? null : (int) Math.round(100.0 * completed / sessions);
    }

    DayRow row(LocalDate date) {
      return new DayRow(date, sessions, completed, interrupted, completionPercent(), grounding, chosen, calmRated,
          meanCalm());
    }
  }
}
