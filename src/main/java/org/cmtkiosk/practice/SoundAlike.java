package org.cmtkiosk.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.cmtkiosk.yaml.Suggest;

/**
 * Whether two spoken names are too close by ear for a listener, or the recogniser, to tell apart. Each word becomes
 * its Double Metaphone keys (how English spelling sounds, e.g. "self" and "shelf" → SLF, XLF). Two names sound alike
 * when their words pair up, in any order, with sound-alike words ("self compassion" and "compassionate self"), or
 * when the names as a whole differ by little more than a sound ("body scan", "bodies can").
 */
final class SoundAlike {
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  static {
    METAPHONE.setMaxCodeLen(16);
  }

  private SoundAlike() {}

  /** True if {@code a} and {@code b} would be easy to mistake for each other when spoken. */
  static boolean alike(String a, String b) {
    List<String[]> wordsA = keys(a);
    List<String[]> wordsB = keys(b);
    return wordsPairUp(wordsA, wordsB) || wholeNamesClose(wordsA, wordsB);
  }

  /** The primary and alternate key of each word. */
  private static List<String[]> keys(String name) {
    List<String[]> keys = new ArrayList<>();
    for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!word.isEmpty()) {
        keys.add(new String[] {METAPHONE.doubleMetaphone(word), METAPHONE.doubleMetaphone(word, true)});
      }
    }
    return keys;
  }

  private static boolean wordsPairUp(List<String[]> a, List<String[]> b) {
    return a.size() == b.size() && !a.isEmpty() && pairs(a, 0, b, new boolean[b.size()]);
  }

  /** Backtracking match of word {@code i} of {@code a} onto an unused sound-alike word of {@code b}. */
  private static boolean pairs(List<String[]> a, int i, List<String[]> b, boolean[] used) {
    if (i == a.size()) {
      return true;
    }
    for (int j = 0; j < b.size(); j++) {
      if (!used[j] && wordsAlike(a.get(i), b.get(j))) {
        used[j] = true;
        if (pairs(a, i + 1, b, used)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }

  /** The same sounds, one the start of the other ("compassion", "compassionate"), or longer and one sound apart. */
  private static boolean wordsAlike(String[] a, String[] b) {
    for (String x : a) {
      for (String y : b) {
        int shorter = Math.min(x.length(), y.length());
        if (x.equals(y) || shorter >= 3 && (x.startsWith(y) || y.startsWith(x))
            || shorter >= 4 && Suggest.distance(x, y) <= 1) {
          return true;
        }
      }
    }
    return false;
  }

  /** The names' primary keys run together differ in at most one sound in five (at least one). */
  private static boolean wholeNamesClose(List<String[]> a, List<String[]> b) {
    String x = joined(a);
    String y = joined(b);
    return Suggest.distance(x, y) <= Math.max(1, Math.max(x.length(), y.length()) / 5);
  }

  private static String joined(List<String[]> words) {
    StringBuilder all = new StringBuilder();
    words.forEach(k -> all.append(k[0]));
    return all.toString();
  }
}
