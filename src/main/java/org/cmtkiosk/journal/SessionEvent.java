package org.cmtkiosk.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Something that happened during a session, written when it happens so that it survives a crash: the sound output
 * was lost or came back, or a practice began. The end record sums these up; readers use the events only for a
 * session that never got its end record.
 *
 * @param event one of {@link #SOUND_LOST}, {@link #SOUND_BACK}, {@link #PRACTICE}; readers ignore other words
 * @param practice the practice id, for {@link #PRACTICE} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"record", "session", "at", "event", "practice"})
public record SessionEvent(
    @JsonProperty("session") String sessionId,
    @JsonProperty("at") Instant at,
    @JsonProperty("event") String event,
    @JsonProperty("practice") String practice) implements JournalEntry {

  public static final String SOUND_LOST = "sound_lost";
  public static final String SOUND_BACK = "sound_back";
  public static final String PRACTICE = "practice";
  static final String KIND = "event";

  @JsonCreator
  public SessionEvent {}

  @JsonProperty(value = "record", access = JsonProperty.Access.READ_ONLY)
  String kind() {
    return KIND;
  }
}
