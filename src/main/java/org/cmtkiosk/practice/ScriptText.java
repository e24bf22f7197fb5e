package org.cmtkiosk.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source text of a script, to point a content problem at the exact line and column of the words it is about
 * (a step only knows the line it starts on; its words may be lines further down in a block).
 */
final class ScriptText {
  /** Where a problem is: 1-based line and column. */
  record Place(int line, int column) {}

  private static final int STEP_TEXT_COLUMN = 5;

  private final String text;
  private final List<Integer> lineStarts;

  private ScriptText(String text) {
    this.text = text;
    this.lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  /** The text of {@code file}, or an empty text (every place falls back to its step's line) if it cannot be read. */
  static ScriptText of(Path file) {
    try {
      return new ScriptText(file == null ? "" : Files.readString(file));
    } catch (IOException e) {
      return new ScriptText("");
    }
  }

  /**
   * Where {@code words} (whole words, case ignored; a space matches any run of white space, so a phrase may run
   * over a line break) first appear on or after {@code fromLine}.
   */
  Place find(int fromLine, String words) {
    return find(new Place(fromLine, 1), words);
  }

  /** Where {@code words} first appear at or after {@code from}; {@code from}'s line if they are not found. */
  Place find(Place from, String words) {
    return find(from, wholeWords(words));
  }

  /** Where {@code pattern} first matches at or after {@code from}; {@code from}'s line if it is not found. */
  Place find(Place from, Pattern pattern) {
    if (from.line() < 1 || from.line() > lineStarts.size()) {
      return new Place(Math.max(1, from.line()), STEP_TEXT_COLUMN);
    }
    Matcher m = pattern.matcher(text);
    int start = Math.min(text.length(), lineStarts.get(from.line() - 1) + from.column() - 1);
    if (!m.find(start)) {
      return new Place(from.line(), STEP_TEXT_COLUMN);
    }
    return placeOf(m.start());
  }

  /** Where {@code sentence} starts in the file. */
  Place start(Sentence sentence) {
    String[] words = sentence.text().split("\\s+");
    return find(sentence.step().line(), String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length))));
  }

  /** Where {@code words} appear within {@code sentence}. */
  Place in(Sentence sentence, String words) {
    return find(start(sentence), words);
  }

  private static Pattern wholeWords(String words) {
    String tidy = words.strip();
    StringBuilder regex = new StringBuilder("(?i)(?<!\\p{L})");
    String[] parts = tidy.split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
    }
    if (!tidy.isEmpty() && Character.isLetter(tidy.charAt(tidy.length() - 1))) {
      regex.append("(?!\\p{L})");
    }
    return Pattern.compile(regex.toString());
  }

  private Place placeOf(int offset) {
    int line = 0;
    while (line + 1 < lineStarts.size() && lineStarts.get(line + 1) <= offset) {
      line++;
    }
    return new Place(line + 1, offset - lineStarts.get(line) + 1);
  }
}
