package org.cmtkiosk.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.cmtkiosk.speech.Pronunciations;

/**
 * Word error rate of a recogniser's transcript against the words a practice speaks: (substitutions + deletions +
 * insertions) / reference words, from the word-level edit distance.
 */
final class WordErrorRate {
  /** The errors found aligning a transcript with its reference. */
  record Score(int referenceWords, int substitutions, int deletions, int insertions) {
    int errors() {
      return substitutions + deletions + insertions;
    }

    double rate() {
      return referenceWords == 0 ? 0 : errors() / (double) referenceWords;
    }

    Score plus(Score other) {
      return new Score(referenceWords + other.referenceWords, substitutions + other.substitutions,
          deletions + other.deletions, insertions + other.insertions);
    }
  }

  private WordErrorRate() {}

  /**
   * The words of {@code text} as a recogniser writes them: lower case, American spellings (the recogniser's
   * dictionary is American; "colour" and "color" are the same spoken word), hyphenated words split, punctuation
   * dropped, apostrophes inside words kept.
   */
  static List<String> words(String text) {
    String plain = Pronunciations.forSynthesis(text).toLowerCase(Locale.ROOT).replace('’', '\'')
        .replaceAll("[^a-z']+", " ");
    List<String> words = new ArrayList<>();
    for (String w : plain.strip().split("\\s+")) {
      String tidy = w.replaceAll("^'+|'+$", "");
      if (!tidy.isEmpty()) {
        words.add(tidy);
      }
    }
    return words;
  }

  /** Aligns {@code hypothesis} with {@code reference} (fewest edits) and counts each kind of error. */
  static Score score(List<String> reference, List<String> hypothesis) {
    int[] counts = new int[3];
    for (String edit : edits(reference, hypothesis)) {
      counts[edit.startsWith("~") ? 0 : edit.startsWith("-") ? 1 : 2]++;
    }
    return new Score(reference.size(), counts[0], counts[1], counts[2]);
  }

  /**
   * The edits that turn {@code reference} into {@code hypothesis}, in order: {@code ~said>heard} for a
   * substitution, {@code -said} for a deletion, {@code +heard} for an insertion.
   */
  static List<String> edits(List<String> reference, List<String> hypothesis) {
    int[][] cost = distances(reference, hypothesis);
    List<String> edits = new ArrayList<>();
    int i = reference.size();
    int j = hypothesis.size();
    while (i > 0 || j > 0) {
      int same = i > 0 && j > 0 && reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
      if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + same) {
        if (same == 1) {
          edits.add("~" + reference.get(i - 1) + ">" + hypothesis.get(j - 1));
        }
        i--;
        j--;
      } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
        edits.add("-" + reference.get(--i));
      } else {
        edits.add("+" + hypothesis.get(--j));
      }
    }
    Collections.reverse(edits);
    return edits;
  }

  private static int[][] distances(List<String> reference, List<String> hypothesis) {
    int n = reference.size();
    int m = hypothesis.size();
    int[][] cost = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int same = reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
        cost[i][j] = Math.min(cost[i - 1][j - 1] + same, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
      }
    }
    return cost;
  }
}
