package org.cmtkiosk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a {@code say} text into paragraphs (blank lines) and sentences, the units that are synthesised. */
public final class Sentences {
  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"'”’)]*\\s+(?=\\S)");

  private Sentences() {}

  /** The paragraphs of {@code text}, each a list of sentences with whitespace tidied. */
  public static List<List<String>> paragraphs(String text) {
    List<List<String>> result = new ArrayList<>();
    for (String paragraph : PARAGRAPH.split(text.strip())) {
      List<String> sentences = new ArrayList<>();
      for (String s : SENTENCE_END.split(paragraph.strip())) {
        String tidy = s.replaceAll("\\s+", " ").strip();
        if (!tidy.isEmpty()) {
          sentences.add(tidy);
        }
      }
      if (!sentences.isEmpty()) {
        result.add(sentences);
      }
    }
    return result;
  }

  /** All sentences of {@code text} in order. */
  public static List<String> of(String text) {
    return paragraphs(text).stream().flatMap(List::stream).toList();
  }

  /** The number of words, for pace measurements. */
  public static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
