package org.cmtkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Turns journal entries into JSON lines and back; a line that is not a usable entry is a {@link BadLine}. */
final class JournalLines {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JournalLines() {}

  /** A line that is not a journal entry, and why, in words for staff. */
  static final class BadLine extends Exception {
    BadLine(String why) {
      super(why, null, false, false);
    }
  }

  /** The entry as one line of UTF-8 JSON, ending in a newline. */
  static byte[] encode(JournalEntry entry) {
    try {
      return (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a journal entry could not be written as JSON: " + entry, e);
    }
  }

  /** The entry on {@code line} (without its newline). A line without a {@code record} field is an old end record. */
  static JournalEntry decode(String line) throws BadLine {
    JsonNode node = tree(line);
    String kind = node.path("record").asText(SessionRecord.KIND);
    try {
      return switch (kind) {
        case SessionStart.KIND -> checked(JSON.treeToValue(node, SessionStart.class));
        case SessionEvent.KIND -> checked(JSON.treeToValue(node, SessionEvent.class));
        case SessionRecord.KIND -> checked(JSON.treeToValue(node, SessionRecord.class));
        default -> throw new BadLine("unknown record kind '" + kind + "' (written by a newer version?)");
      };
    } catch (JsonProcessingException e) {
      throw new BadLine("not a session record (" + e.getOriginalMessage() + ")");
    }
  }

  private static JsonNode tree(String line) throws BadLine {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLine("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("not a session record (expected a JSON object, found " + (node == null ? "nothing"
          : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ")");
    }
    return node;
  }

  private static JournalEntry checked(SessionStart s) throws BadLine {
    return require(s, SessionStart.KIND, s.sessionId() == null ? "session" : s.start() == null ? "start" : null);
  }

  private static JournalEntry checked(SessionEvent e) throws BadLine {
    return require(e, SessionEvent.KIND, e.sessionId() == null ? "session" : e.at() == null ? "at"
        : e.event() == null ? "event" : null);
  }

  private static JournalEntry checked(SessionRecord r) throws BadLine {
    return require(r, SessionRecord.KIND, r.sessionId() == null ? "session" : r.start() == null ? "start"
        : r.end() == null ? "end"
        : r.practices().stream().anyMatch(p -> p == null || p.outcome() == null) ? "a practice's outcome" : null);
  }

  private static JournalEntry require(JournalEntry entry, String kind, String missing) throws BadLine {
    if (missing != null) {
      throw new BadLine("a" + (kind.equals("end") || kind.equals("event") ? "n " : " ") + kind + " record without "
          + missing);
    }
    return entry;
  }
}
