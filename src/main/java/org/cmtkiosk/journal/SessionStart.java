package org.cmtkiosk.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Written the moment a session starts, so a session cut off by a power cut, kill -9 or running out of memory (and
 * so never given its end record) still shows in reports, as interrupted, with its start time.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"record", "session", "source", "start"})
public record SessionStart(
    @JsonProperty("session") String sessionId,
    @JsonProperty("source") String source,
    @JsonProperty("start") Instant start) implements JournalEntry {

  static final String KIND = "start";

  @JsonCreator
  public SessionStart {}

  @JsonProperty(value = "record", access = JsonProperty.Access.READ_ONLY)
  String kind() {
    return KIND;
  }
}
