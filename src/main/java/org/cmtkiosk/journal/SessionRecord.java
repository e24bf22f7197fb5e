package org.cmtkiosk.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One whole session as the journal keeps it, written when the session ends: nothing about the person, no audio, no
 * words they said — only which practices ran and how they ended, how often each command was used, the check-in
 * numbers, the breathing pace and how well the sound held up. Lines written before version 0.2 have no
 * {@code record}, {@code source}, {@code sound_lost_seconds} or {@code underruns}; they read as kiosk sessions.
 *
 * @param sessionId random, unrelated to anyone; the same as in the session's start record
 * @param source {@code kiosk} or {@code practice} (see {@link Source}); null in old records
 * @param end null only in a report's view of an interrupted session; every written end record has it
 * @param commands how many times each command was used, e.g. {"pause": 1, "slower": 2}
 * @param calmBefore the 0–10 check-in answer before the practice, or null if skipped or not asked
 * @param slowestPerMinute the slowest breathing pace reached (breaths per minute), or null without breathing
 * @param soundLostSeconds how long the sound output was lost in total, or null if it never was
 * @param underruns how often the sound card ran dry (a click or gap was heard), or null if never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"record", "session", "source", "start", "end", "practices", "commands", "calm_before",
    "calm_after", "slowest_per_minute", "fastest_per_minute", "sound_lost_seconds", "underruns"})
public record SessionRecord(
    @JsonProperty("session") String sessionId,
    @JsonProperty("source") String source,
    @JsonProperty("start") Instant start,
    @JsonProperty("end") Instant end,
    @JsonProperty("practices") List<PracticeDone> practices,
    @JsonProperty("commands") Map<String, Integer> commands,
    @JsonProperty("calm_before") Integer calmBefore,
    @JsonProperty("calm_after") Integer calmAfter,
    @JsonProperty("slowest_per_minute") Double slowestPerMinute,
    @JsonProperty("fastest_per_minute") Double fastestPerMinute,
    @JsonProperty("sound_lost_seconds") Double soundLostSeconds,
    @JsonProperty("underruns") Integer underruns) implements JournalEntry {

  static final String KIND = "end";

  @JsonCreator
  public SessionRecord {
    practices = practices == null ? List.of() : List.copyOf(practices);
    commands = commands == null ? Map.of() : Map.copyOf(commands);
  }

  /** A session as the session log builds it; the journal adds the source and the sound's health when writing. */
  public SessionRecord(String sessionId, Instant start, Instant end, List<PracticeDone> practices,
      Map<String, Integer> commands, Integer calmBefore, Integer calmAfter, Double slowestPerMinute,
      Double fastestPerMinute) {
    this(sessionId, null, start, end, practices, commands, calmBefore, calmAfter, slowestPerMinute,
        fastestPerMinute, null, null);
  }

  /** One practice within a session. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record PracticeDone(
      @JsonProperty("practice") String practiceId,
      @JsonProperty("script_version") String scriptVersion,
      @JsonProperty("outcome") Outcome outcome,
      @JsonProperty("breathing") List<String> breathing) {}

  /** How a practice ended. */
  public enum Outcome {
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("stopped_early") STOPPED_EARLY,
    /** Ended early in an evocative practice; the grounding practice was offered. */
    @JsonProperty("ended_early_grounding_offered") GROUNDING_OFFERED,
    /** Paused and left for session.pause_timeout: ended with a gentle close, so the next person starts fresh. */
    @JsonProperty("ended_while_paused") ENDED_WHILE_PAUSED,
    @JsonProperty("error") ERROR,
    /** Never written: how a report shows a practice whose session has no end record (power cut, crash). */
    @JsonProperty("interrupted") INTERRUPTED;

    /** The word used in the journal and in reports, e.g. {@code ended_early_grounding_offered}. */
    public String word() {
      return this == GROUNDING_OFFERED ? "ended_early_grounding_offered" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @JsonProperty(value = "record", access = JsonProperty.Access.READ_ONLY)
  String kind() {
    return KIND;
  }

  /** How long the session lasted, or null when it has no end (interrupted). */
  public Duration duration() {
    return end == null ? null : Duration.between(start, end);
  }

  /** This record as written for the session {@code id} that started at {@code start}, with what the journal saw. */
  SessionRecord stamped(String id, Source from, Instant startedAt, Double lostSeconds, Integer underrunCount) {
    return new SessionRecord(id, from.id(), startedAt, end, practices, commands, calmBefore, calmAfter,
        slowestPerMinute, fastestPerMinute, lostSeconds, underrunCount);
  }
}
