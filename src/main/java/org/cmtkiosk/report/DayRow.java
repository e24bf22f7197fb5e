package org.cmtkiosk.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One day's totals, as a row of {@code daily.csv}. {@code completion_percent} and {@code mean_calm_change} are empty
 * on days with nothing to work them out from (no sessions; no calm ratings).
 */
@JsonPropertyOrder({"date", "sessions", "chosen_completed", "interrupted", "completion_percent", "grounding_offered",
    "practices_chosen", "calm_rated", "mean_calm_change"})
public record DayRow(LocalDate date, int sessions, int chosen_completed, int interrupted, Integer completion_percent,
    int grounding_offered, int practices_chosen, int calm_rated, Double mean_calm_change) {}
