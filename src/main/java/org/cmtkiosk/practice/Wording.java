package org.cmtkiosk.practice;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmtkiosk.yaml.Problems;

/**
 * Rules about the words themselves, for a listener who may be alone and distressed: invite rather than instruct,
 * assume no faith, family or body, offer postures as options, and make no promise of safety the device cannot keep.
 */
final class Wording {
  /** Phrases that make an opening an invitation rather than a command. */
  static final List<String> INVITING = List.of("if it feels right", "you might", "if you like", "you are invited",
      "you can");

  /** A word that assumes something about the listener, what it assumes, and what to write instead. */
  record Banned(Pattern words, String assumes, String fix) {}

  static final List<Banned> BANNED = List.of(
      new Banned(words("god|gods|pray|prays|prayed|praying|prayer|prayers|heaven|church|churches|mosque|temple"
          + "|synagogue|blessed|blessing|blessings|sin|sins|soul|lord"), "a faith the listener may not share",
          "offer a neutral choice, e.g. 'in whatever way feels right to you'"),
      new Banned(words("mother|mothers|father|fathers|mum|mom|mummy|dad|daddy|parent|parents|husband|wife"
          + "|son|daughter|grandmother|grandfather|granny|grandma|grandpa"),
          "a family the listener may not have, or may have lost",
          "say 'someone who has been kind to you', or 'any person, animal or presence'"),
      new Banned(words("walk|walks|walking|walked|stand up|get up"), "a body that can walk or stand up", "offer it as a choice ('if you are able to move, ...'), "
              + "or invite the listener to imagine it"));

  /** Promises about the listener's safety that the device cannot know to be true. */
  static final Pattern SAFETY_CLAIM = Pattern.compile("(?i)\\b(you are|you're) (completely |totally |perfectly )?"
      + "safe\\b|\\bnothing can (hurt|harm) you\\b|\\beverything (is|will be) (fine|okay|all right)\\b");

  /** Words that assume a body part or a posture: a sentence using one must offer it as an option. */
  static final Pattern BODY = words("feet|foot|toes|legs|knees|thighs|calves|hips|lap|chair|floor|sit|sitting"
      + "|seated|sit down|lie down|lying|stand|standing");
  /** Words that make a sentence an option rather than an assumption. */
  static final Pattern OPTION = words("if|or|perhaps|maybe|might|whatever|wherever|whichever|whether|any");

  private final List<Sentence> sentences;
  private final ScriptText text;
  private final Problems problems;

  Wording(List<Sentence> sentences, ScriptText text, Problems problems) {
    this.sentences = sentences;
    this.text = text;
    this.problems = problems;
  }

  void check(List<Step> steps) {
    checkInvitation(steps);
    for (Sentence s : sentences) {
      checkBanned(s);
      checkSafetyClaim(s);
      checkBody(s);
    }
  }

  private void checkInvitation(List<Step> steps) {
    List<Step.Say> opening = steps.stream().filter(s -> s instanceof Step.Say).map(s -> (Step.Say) s).limit(2)
        .toList();
    String words = String.join(" ", opening.stream().map(Step.Say::text).toList()).toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
    if (!opening.isEmpty() && INVITING.stream().noneMatch(words::contains)) {
      problems.add(opening.get(0).line(), 5, "the opening instructs without inviting",
          "open with an invitation, e.g. 'if it feels right', 'you might', 'if you like' or 'you can'");
    }
  }

  private void checkBanned(Sentence s) {
    for (Banned banned : BANNED) {
      Matcher m = banned.words().matcher(s.lower());
      while (m.find()) {
        report(s, m.group(), "'" + m.group() + "' assumes " + banned.assumes(), banned.fix());
      }
    }
  }

  private void checkSafetyClaim(Sentence s) {
    Matcher m = SAFETY_CLAIM.matcher(s.text());
    if (m.find()) {
      report(s, m.group(), "'" + m.group() + "' promises safety the device cannot know",
          "describe the present instead, e.g. 'you are here, in this room, now'");
    }
  }

  private void checkBody(Sentence s) {
    Matcher m = BODY.matcher(s.lower());
    if (m.find() && !OPTION.matcher(s.lower()).find()) {
      report(s, m.group(), "'" + m.group() + "' is said as if every listener has it or is in that posture",
          "offer it as an option, e.g. 'if you are sitting, ...' or 'whatever is supporting you: a chair, a bed "
              + "or the floor'");
    }
  }

  private void report(Sentence s, String words, String what, String fix) {
    ScriptText.Place at = text.in(s, words);
    problems.add(at.line(), at.column(), what, fix);
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("\\b(" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
  }
}
