package org.cmtkiosk.practice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmtkiosk.yaml.Problems;

/**
 * Rules that keep what a script says about the controls true to the real ones: one short press of the button, or
 * the word "stop", silences the guidance at once (and leads to a short grounding in an evocative practice). A long
 * hold is never offered as the way out, and every word a script tells the listener to say is one the device hears.
 */
final class StopInstruction {
  /** What every practice says, in some form, before its first long silence. */
  static final String PRESS_ONCE = "press the button once";
  static final String GENTLE_EXAMPLE = "'You can stop at any time: say stop, or press the button once.'";
  static final String EVOCATIVE_EXAMPLE = "'That is common, and it makes sense. If it happens, say stop, or press "
      + "the button once. You will hear a short grounding, and a gentle close.'";
  private static final Pattern HOLD = Pattern.compile("\\b(hold|holds|holding|held|long press|press and hold)\\b");
  private static final Pattern PRESS_WITHOUT_COUNT = Pattern.compile("\\bpress the button\\b(?! (once|twice))");
  private static final Pattern COMMON = Pattern.compile("\\b(common|understandable|makes sense|natural|many people)\\b");
  /** "say X" where X is one or two words ending the clause: the words a listener is told to say. */
  private static final Pattern SAY = Pattern.compile(
      "\\bsay ([a-z']+(?: [a-z']+)?)(?=[,.;:!?]|$| or | at | to | and | if | when )");
  private static final Pattern ABOUT_CONTROLS = Pattern.compile("\\b(stop|button|ground\\w*|device|pause|help)\\b");

  private final List<Sentence> sentences;
  private final ScriptText text;
  private final Problems problems;
  private final Set<String> commandPhrases;

  /** @param commandPhrases every phrase the device understands; empty to leave said words unchecked */
  StopInstruction(List<Sentence> sentences, ScriptText text, Problems problems, Set<String> commandPhrases) {
    this.sentences = sentences;
    this.text = text;
    this.problems = problems;
    this.commandPhrases = commandPhrases;
  }

  /** True if {@code sentence} tells the listener how to stop, with the real controls. */
  static boolean saysHowToStop(String sentence) {
    String t = sentence.toLowerCase(Locale.ROOT);
    return t.contains("stop") && t.contains(PRESS_ONCE);
  }

  void check(List<Step> steps, Intensity intensity) {
    checkStopIsSaidEarly(steps, intensity);
    for (Sentence s : sentences) {
      checkButtonWording(s);
      checkSaidWords(s);
    }
  }

  private void checkStopIsSaidEarly(List<Step> steps, Intensity intensity) {
    Optional<Sentence> stop = sentences.stream().filter(s -> saysHowToStop(s.text())).findFirst();
    String example = intensity == Intensity.EVOCATIVE ? EVOCATIVE_EXAMPLE : GENTLE_EXAMPLE;
    Optional<Step.Pause> firstLong = steps.stream().filter(s -> s instanceof Step.Pause p
        && p.length().compareTo(ContentRules.LONG_SILENCE) >= 0).map(s -> (Step.Pause) s).findFirst();
    if (stop.isEmpty()) {
      int line = sentences.isEmpty() ? 1 : sentences.get(0).step().line();
      problems.add(line, 5, "the practice never says how to stop with the real controls",
          "say early, in plain words: " + example);
    } else if (firstLong.isPresent() && steps.indexOf(firstLong.get()) < steps.indexOf(stop.get().step())) {
      problems.add(firstLong.get().line(), 5, "the practice reaches a long silence before saying how to stop",
          "say how to stop before it: " + example);
    } else if (intensity == Intensity.EVOCATIVE) {
      checkEvocativeStop(stop.get());
    }
  }

  /** In an evocative practice the stop sentence's step also names the reaction as common and the grounding. */
  private void checkEvocativeStop(Sentence stop) {
    String step = String.join(" ", Sentence.spokenBy(stop.step())).toLowerCase(Locale.ROOT);
    ScriptText.Place at = text.start(stop);
    if (!step.contains("ground")) {
      problems.add(at.line(), at.column(), "the stop instruction does not say that it leads to a short grounding",
          "add it: " + EVOCATIVE_EXAMPLE);
    }
    if (!COMMON.matcher(step).find()) {
      problems.add(at.line(), at.column(), "the stop instruction does not say that hard feelings are common",
          "say that warmth can bring up sadness or unease, and that this is common: " + EVOCATIVE_EXAMPLE);
    }
  }

  private void checkButtonWording(Sentence s) {
    String t = s.lower();
    if (!t.contains("button")) {
      return;
    }
    Matcher hold = HOLD.matcher(t);
    if (hold.find()) {
      report(s, hold.group(), "the button is to be held ('" + hold.group() + "'); a long hold is not the way out",
          "say '" + PRESS_ONCE + "': one short press stops at once");
    }
    Matcher press = PRESS_WITHOUT_COUNT.matcher(t);
    if (press.find()) {
      report(s, press.group(), "'press the button' without saying how often",
          "say '" + PRESS_ONCE + "' (one short press stops; twice pauses)");
    }
  }

  private void checkSaidWords(Sentence s) {
    if (commandPhrases.isEmpty() || !ABOUT_CONTROLS.matcher(s.lower()).find()) {
      return;
    }
    Matcher said = SAY.matcher(s.lower());
    while (said.find()) {
      String words = said.group(1);
      if (!commandPhrases.contains(words)) {
        report(s, "say " + words, "the listener is told to say '" + words + "', which the device does not "
            + "understand", "use one of its phrases (voice.words), e.g. " + examples());
      }
    }
  }

  private String examples() {
    return commandPhrases.stream().sorted().filter(p -> List.of("stop", "too much", "pause", "help").contains(p))
        .map(p -> "'" + p + "'").reduce((a, b) -> a + ", " + b).orElse("'stop'");
  }

  private void report(Sentence s, String words, String what, String fix) {
    ScriptText.Place at = text.in(s, words);
    problems.add(at.line(), at.column(), what, fix);
  }
}
