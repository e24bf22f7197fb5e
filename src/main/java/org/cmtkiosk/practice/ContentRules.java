package org.cmtkiosk.practice;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.cmtkiosk.text.Sentences;
import org.cmtkiosk.yaml.DurationText;
import org.cmtkiosk.yaml.Problems;

/**
 * What a practice must do for someone listening alone: open and close with words, keep sentences short, never leave
 * a long silence without a way back in, and — when it may stir strong feelings — say early how to stop.
 */
public final class ContentRules {
  /** Silences at least this long are "long": imagery time. Speech must follow them (a soft re-entry cue). */
  public static final Duration LONG_SILENCE = Duration.ofSeconds(20);
  public static final double MAX_MEAN_WORDS = 15;
  public static final int MAX_SENTENCE_WORDS = 25;

  private final Duration maxSilence;

  /** @param maxSilence the longest single silence a script may hold (config: practices.max_silence) */
  public ContentRules(Duration maxSilence) {
    this.maxSilence = maxSilence;
  }

  /** Adds a problem for each rule {@code p} breaks. */
  public void check(Practice p, Problems problems) {
    List<Step> steps = p.steps();
    checkOpeningAndClosing(steps, problems);
    checkSilences(steps, problems);
    if (p.intensity() == Intensity.EVOCATIVE) {
      checkStopSentence(steps, problems);
    }
    checkSentenceLengths(steps, problems);
  }

  private static void checkOpeningAndClosing(List<Step> steps, Problems problems) {
    List<Step> spoken = steps.stream().filter(s -> !(s instanceof Step.Chime)).toList();
    if (spoken.isEmpty()) {
      return;
    }
    if (!(spoken.get(0) instanceof Step.Say)) {
      problems.add(spoken.get(0).line(), 5, "the practice does not open with spoken words",
          "begin with a 'say' step that welcomes and invites");
    }
    Step last = spoken.get(spoken.size() - 1);
    if (!(last instanceof Step.Say say) || !say.text().toLowerCase(Locale.ROOT).contains("room")) {
      problems.add(last.line(), 5, "the practice does not close by returning attention to the room",
          "end with a 'say' step that brings attention back to the room");
    }
  }

  private void checkSilences(List<Step> steps, Problems problems) {
    for (int i = 0; i < steps.size(); i++) {
      if (!(steps.get(i) instanceof Step.Pause pause)) {
        continue;
      }
      if (pause.length().compareTo(maxSilence) > 0) {
        problems.add(pause.line(), 5, "a silence of " + DurationText.format(pause.length())
            + " is longer than practices.max_silence (" + DurationText.format(maxSilence) + ")",
            "split it into shorter silences with a soft spoken cue between them");
      }
      boolean followedBySpeech = i + 1 < steps.size()
          && (steps.get(i + 1) instanceof Step.Say || steps.get(i + 1) instanceof Step.Ask);
      if (pause.length().compareTo(LONG_SILENCE) >= 0 && !followedBySpeech) {
        problems.add(pause.line(), 5, "a long silence (" + DurationText.format(pause.length())
            + ") is not followed by spoken words", "add a soft re-entry cue ('say') right after it");
      }
    }
  }

  private static void checkStopSentence(List<Step> steps, Problems problems) {
    for (Step step : steps) {
      if (step instanceof Step.Say say && mentionsStop(say.text())) {
        return;
      }
      if (step instanceof Step.Pause pause && pause.length().compareTo(LONG_SILENCE) >= 0) {
        problems.add(pause.line(), 5, "this evocative practice reaches a long silence before saying how to stop",
            "say early, in plain words, that saying 'stop' or pressing the button brings a short grounding");
        return;
      }
    }
  }

  static boolean mentionsStop(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("stop") && t.contains("button") && t.contains("ground");
  }

  private static void checkSentenceLengths(List<Step> steps, Problems problems) {
    int sentences = 0;
    int words = 0;
    for (Step step : steps) {
      String text = step instanceof Step.Say say ? say.text() : step instanceof Step.Ask ask ? ask.question() : "";
      for (String sentence : Sentences.of(text)) {
        int n = Sentences.words(sentence);
        sentences++;
        words += n;
        if (n > MAX_SENTENCE_WORDS) {
          problems.add(step.line(), 5, "a sentence of " + n + " words (\"" + sentence.substring(0, Math.min(40, sentence.length())) + "...\")",
              "split it: listeners follow sentences of at most " + MAX_SENTENCE_WORDS + " words");
        }
      }
    }
    if (sentences > 0 && words / (double) sentences > MAX_MEAN_WORDS) {
      problems.add(1, 1, String.format(Locale.ROOT, "sentences average %.1f words", words / (double) sentences),
          "shorten sentences to an average of at most " + (int) MAX_MEAN_WORDS + " words");
    }
  }
}
