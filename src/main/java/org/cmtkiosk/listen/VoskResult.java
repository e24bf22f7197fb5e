package org.cmtkiosk.listen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Vosk's result JSON with word details ({@code setWords(true)}):
 * {@code {"result":[{"conf":0.98,"end":1.11,"start":0.87,"word":"stop"}],"text":"stop"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoskResult(String text, List<Word> result) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public VoskResult {
    text = text == null ? "" : text.strip();
    result = result == null ? List.of() : List.copyOf(result);
  }

  /** One recognised word: how sure Vosk is (0..1) and when it was said (seconds into the audio). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Word(String word, double conf, double start, double end) {}

  /** Parses a result; anything unreadable counts as nothing heard. */
  public static VoskResult parse(String json) {
    try {
      return JSON.readValue(json, VoskResult.class);
    } catch (JsonProcessingException e) {
      return new VoskResult("", List.of());
    }
  }

  /** The least certain word's confidence (1 when Vosk gave none). */
  public double minConfidence() {
    return result.stream().mapToDouble(Word::conf).min().orElse(1.0);
  }

  /** When the last word ended, in seconds from the start of the audio, or -1. */
  public double endSeconds() {
    return result.isEmpty() ? -1 : result.get(result.size() - 1).end();
  }
}
