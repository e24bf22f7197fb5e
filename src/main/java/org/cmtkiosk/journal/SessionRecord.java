package org.cmtkiosk.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One session as the journal keeps it: nothing about the person, no audio, no words they said — only which
 * practices ran and how they ended, how often each command was used, the check-in numbers and the breathing pace.
 *
 * @param sessionId random, unrelated to anyone
 * @param commands how many times each command was used, e.g. {"pause": 1, "slower": 2}
 * @param calmBefore the 0–10 check-in answer before the practice, or null if skipped or not asked
 * @param slowestPerMinute the slowest breathing pace reached (breaths per minute), or null without breathing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRecord(
    @JsonProperty("session") String sessionId,
    @JsonProperty("start") Instant start,
    @JsonProperty("end") Instant end,
    @JsonProperty("practices") List<PracticeDone> practices,
    @JsonProperty("commands") Map<String, Integer> commands,
    @JsonProperty("calm_before") Integer calmBefore,
    @JsonProperty("calm_after") Integer calmAfter,
    @JsonProperty("slowest_per_minute") Double slowestPerMinute,
    @JsonProperty("fastest_per_minute") Double fastestPerMinute) {

  public SessionRecord {
    practices = practices == null ? List.of() : List.copyOf(practices);
    commands = commands == null ? Map.of() : Map.copyOf(commands);
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
    @JsonProperty("error") ERROR
  }

  public Duration duration() {
    return Duration.between(start, end);
  }
}
