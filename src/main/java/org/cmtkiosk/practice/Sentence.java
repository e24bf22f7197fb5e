package org.cmtkiosk.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cmtkiosk.text.Sentences;

/** One spoken sentence of a practice, with the step it belongs to (for the line a problem is reported at). */
record Sentence(Step step, String text) {

  /** The text in lower case, for matching. */
  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }

  /** What a step speaks: a say step's text, an ask step's question, a breathe step's cue words (if cued). */
  static List<String> spokenBy(Step step) {
    if (step instanceof Step.Say say) {
      return Sentences.of(say.text());
    } else if (step instanceof Step.Ask ask) {
      return Sentences.of(ask.question());
    }
    return List.of();
  }

  /** Every sentence of {@code steps} that is spoken from a script's text, in order. */
  static List<Sentence> all(List<Step> steps) {
    List<Sentence> all = new ArrayList<>();
    for (Step step : steps) {
      spokenBy(step).forEach(s -> all.add(new Sentence(step, s)));
    }
    return all;
  }
}
