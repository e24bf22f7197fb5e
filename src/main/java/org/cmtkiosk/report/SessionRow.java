package org.cmtkiosk.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One session, as a row of {@code sessions.csv}. The README's Reports section defines every column.
 *
 * @param practices every practice that ran, in order, as {@code id=outcome}, separated by {@code ;}
 * @param chosen_completed {@code yes} if a practice the person chose (not welcome or grounding) ran to its end
 * @param grounding_offered {@code yes} if a practice ended early and grounding was offered
 */
@JsonPropertyOrder({"journal", "session", "source", "date", "start", "status", "minutes", "practices",
    "chosen_completed", "grounding_offered", "calm_before", "calm_after", "calm_change", "commands",
    "sound_lost_seconds", "underruns", "slowest_per_minute", "fastest_per_minute"})
public record SessionRow(String journal, String session, String source, LocalDate date, String start, String status,
    Double minutes, String practices, String chosen_completed, String grounding_offered, Integer calm_before,
    Integer calm_after, Integer calm_change, String commands, Double sound_lost_seconds, Integer underruns,
    Double slowest_per_minute, Double fastest_per_minute) {}
