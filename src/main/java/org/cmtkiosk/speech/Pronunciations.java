package org.cmtkiosk.speech;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * British spellings that MaryTTS' American lexicon does not know, mapped to the American ones it pronounces
 * correctly (for example it guesses "practise" as "prac-TICE"). Scripts keep their own spelling; only the text sent
 * to the synthesiser changes. Found with {@link MarySpeaker#guessedWords}; see PronunciationTest.
 */
public final class Pronunciations {
  private static final Map<String, String> SPELLINGS = Map.ofEntries(
      Map.entry("colour", "color"), Map.entry("colours", "colors"),
      Map.entry("practise", "practice"), Map.entry("practising", "practicing"), Map.entry("practised", "practiced"),
      Map.entry("savour", "savor"), Map.entry("savouring", "savoring"),
      Map.entry("neighbour", "neighbor"), Map.entry("neighbours", "neighbors"),
      Map.entry("favourite", "favorite"), Map.entry("behaviour", "behavior"),
      Map.entry("centre", "center"), Map.entry("realise", "realize"), Map.entry("recognise", "recognize"),
      Map.entry("criticise", "criticize"), Map.entry("criticised", "criticized"),
      Map.entry("criticising", "criticizing"));
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private Pronunciations() {}

  /** {@code text} with each mapped word replaced, keeping a leading capital. Applying it twice changes nothing. */
  public static String forSynthesis(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group();
      String mapped = SPELLINGS.get(word.toLowerCase(Locale.ROOT));
      if (mapped != null && Character.isUpperCase(word.charAt(0))) {
        mapped = Character.toUpperCase(mapped.charAt(0)) + mapped.substring(1);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(mapped == null ? word : mapped));
    }
    m.appendTail(out);
    return out.toString();
  }
}
