package org.cmtkiosk.practice;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cmtkiosk.text.Sentences;
import org.cmtkiosk.yaml.DurationText;
import org.cmtkiosk.yaml.Problems;

/**
 * What a practice must do for someone listening alone, possibly distressed: open with an invitation and close in
 * the room; say early, with the real controls, how to stop; keep sentences short; never leave a long silence without
 * a way back in; assume no faith, family, body or posture; promise no safety it cannot know. The one place these
 * rules live: {@code validate}, the loader and the tests all use it, and each problem names its line, column and fix.
 */
public final class ContentRules {
  /** Silences at least this long are "long": imagery time. Speech must follow them (a soft re-entry cue). */
  public static final Duration LONG_SILENCE = Duration.ofSeconds(20);
  public static final double MAX_MEAN_WORDS = 15;
  public static final int MAX_SENTENCE_WORDS = 25;
  /** A silence shorter than this may sit between the opening bell and the first words, or after the last. */
  static final Duration BELL_GAP = Duration.ofSeconds(5);

  private final Duration maxSilence;
  private final Set<String> commandPhrases;

  /** Rules that leave the words a script tells the listener to say unchecked (for scripts outside a kiosk). */
  public ContentRules(Duration maxSilence) {
    this(maxSilence, Set.of());
  }

  /**
   * @param maxSilence the longest single silence a script may hold (config: practices.max_silence)
   * @param commandPhrases every phrase the device understands (config: voice.words); a script may only tell the
   *     listener to say one of these
   */
  public ContentRules(Duration maxSilence, Collection<String> commandPhrases) {
    this.maxSilence = maxSilence;
    this.commandPhrases = commandPhrases.stream().map(p -> p.toLowerCase(Locale.ROOT).strip())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** True if {@code sentence} tells the listener how to stop with the real controls (stop, or one press). */
  public static boolean saysHowToStop(String sentence) {
    return StopInstruction.saysHowToStop(sentence);
  }

  /** Adds a problem for each rule {@code p} breaks. */
  public void check(Practice p, Problems problems) {
    List<Step> steps = p.steps();
    List<Sentence> sentences = Sentence.all(steps);
    ScriptText text = ScriptText.of(p.source());
    checkOpeningAndClosing(steps, problems);
    checkSilences(steps, problems);
    new Wording(sentences, text, problems).check(steps);
    new StopInstruction(sentences, text, problems, commandPhrases).check(steps, p.intensity());
    checkSentenceLengths(sentences, text, problems);
  }

  private static void checkOpeningAndClosing(List<Step> steps, Problems problems) {
    List<Step> spoken = steps.stream().filter(s -> !(s instanceof Step.Chime)
        && !(s instanceof Step.Pause p && p.length().compareTo(BELL_GAP) < 0)).toList();
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
            + ") is not followed by spoken words", "add a soft re-entry cue ('say') right after it, e.g. "
            + "'If your mind has wandered, that is fine. Gently come back to ...'");
      }
    }
  }

  private static void checkSentenceLengths(List<Sentence> sentences, ScriptText text, Problems problems) {
    int words = 0;
    for (Sentence s : sentences) {
      int n = Sentences.words(s.text());
      words += n;
      if (n > MAX_SENTENCE_WORDS) {
        ScriptText.Place at = text.start(s);
        problems.add(at.line(), at.column(), "a sentence of " + n + " words (\""
            + s.text().substring(0, Math.min(40, s.text().length())) + "...\")",
            "split it: listeners follow sentences of at most " + MAX_SENTENCE_WORDS + " words");
      }
    }
    if (!sentences.isEmpty() && words / (double) sentences.size() > MAX_MEAN_WORDS) {
      problems.add(1, 1, String.format(Locale.ROOT, "sentences average %.1f words", words / (double) sentences.size()),
          "shorten sentences to an average of at most " + (int) MAX_MEAN_WORDS + " words");
    }
  }
}
