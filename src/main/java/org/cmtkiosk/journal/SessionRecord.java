package org.cmtkiosk.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One practice session as the journal keeps it: nothing about the person, no audio, no words they said.
 *
 * @param sessionId random, unrelated to anyone
 * @param scriptVersion the hash of the script file that ran
 * @param breathing the breathing patterns actually used, e.g. ["3-1-3-0", "5-0-5-0"] (first and last)
 */
public record SessionRecord(
    @JsonProperty("session") String sessionId,
    @JsonProperty("practice") String practiceId,
    @JsonProperty("script_version") String scriptVersion,
    @JsonProperty("start") Instant start,
    @JsonProperty("end") Instant end,
    @JsonProperty("outcome") Outcome outcome,
    @JsonProperty("breathing") List<String> breathing) {

  /** How a session ended. */
  public enum Outcome {
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("stopped_early") STOPPED_EARLY,
    @JsonProperty("error") ERROR
  }
}
