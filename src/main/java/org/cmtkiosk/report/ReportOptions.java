package org.cmtkiosk.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a report covers: the local days {@code from}–{@code to} (inclusive), whether {@code practice} runs count, and
 * the practices' titles by id (ids without a title are shown as they are).
 */
public record ReportOptions(LocalDate from, LocalDate to, ZoneId zone, boolean includePracticeRuns,
    Map<String, String> titles) {

  public ReportOptions {
    titles = Map.copyOf(titles);
  }

  /** How a practice is named for people: its title, or its id when the script is not here. */
  public String title(String practiceId) {
    return titles.getOrDefault(practiceId, practiceId);
  }

  boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
