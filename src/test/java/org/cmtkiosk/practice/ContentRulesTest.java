package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.yaml.Problem;
import org.cmtkiosk.yaml.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRulesTest {
  private static final ContentRules RULES = new ContentRules(Duration.ofSeconds(90),
      List.of("stop", "end", "pause", "continue", "help", "too much", "ground me"));
  /** An opening that keeps every rule: an invitation, and how to stop with the real controls. */
  private static final String OPEN = "  - say: Welcome. You can stop at any time, say stop, or press the button "
      + "once.\n";
  private static final String CLOSE = "  - say: Come back to the room, gently.\n";
  private static final String EVOCATIVE_STOP = "  - say: Warmth can bring up sadness. That is common. If it "
      + "happens, say stop, or press the button once. You will hear a short grounding.\n";

  @TempDir
  Path dir;

  private List<Problem> check(String steps) {
    return check(steps, "gentle");
  }

  private List<Problem> check(String steps, String intensity) {
    Path file = Scripts.write(dir, "rules.yaml",
        Scripts.HEADER.formatted("rules", "rules").replace("gentle", intensity) + steps);
    Problems problems = new Problems(file);
    PracticeLoader.load(file, problems, RULES);
    return problems.list();
  }

  private static Problem only(List<Problem> problems) {
    assertEquals(1, problems.size(), problems::toString);
    return problems.get(0);
  }

  @Test
  void aWellFormedPracticePasses() {
    assertEquals(List.of(), check("  - chime\n" + OPEN + "  - pause: 30s\n" + CLOSE + "  - chime\n"));
  }

  @Test
  void aSilenceLongerThanTheMaximumIsRefused() {
    Problem p = only(check(OPEN + "  - pause: 2m\n" + CLOSE));
    assertEquals(10, p.line());
    assertTrue(p.what().contains("longer than practices.max_silence (1m 30s)"), p::toString);
  }

  @Test
  void aLongSilenceMustBeFollowedBySpeech() {
    Problem p = only(check(OPEN + "  - pause: 30s\n  - chime\n" + CLOSE));
    assertTrue(p.what().contains("a long silence (30s) is not followed by spoken words"), p::toString);
    assertTrue(p.fix().contains("re-entry cue"), p::toString);
  }

  @Test
  void practicesOpenWithWordsAndCloseInTheRoom() {
    List<Problem> problems = check("  - pause: 5s\n" + OPEN.replace("Welcome.", "Goodbye."));
    assertTrue(problems.get(0).what().contains("does not open with spoken words"), problems::toString);
    assertTrue(problems.get(1).what().contains("does not close by returning attention to the room"),
        problems::toString);
  }

  @Test
  void aShortSilenceMayFollowTheOpeningBellButNotALongOne() {
    assertEquals(List.of(), check("  - chime\n  - pause: 2s\n" + OPEN + CLOSE));
    assertTrue(check("  - chime\n  - pause: 8s\n" + OPEN + CLOSE).get(0).what()
        .contains("does not open with spoken words"));
  }

  @Test
  void anOpeningThatInstructsWithoutInvitingIsNamed() {
    Problem p = only(check("  - say: Close your eyes. Say stop, or press the button once.\n" + CLOSE));
    assertEquals("the opening instructs without inviting", p.what());
    assertTrue(p.fix().contains("'if it feels right'"), p::toString);
  }

  @Test
  void aCopiedScriptThatAssumesAFaithIsNamedAtTheWord() {
    Problem p = only(check(OPEN + "  - say: |\n      Rest here a while.\n      You might pray in your own way.\n"
        + CLOSE));
    assertEquals(12, p.line());
    assertEquals(17, p.column());
    assertEquals("'pray' assumes a faith the listener may not share", p.what());
    assertTrue(p.fix().contains("in whatever way feels right to you"), p::toString);
  }

  @Test
  void familyAndWalkingAreAssumptionsToo() {
    List<Problem> problems = check(OPEN + "  - say: You might think of your mother. Or take a walk.\n" + CLOSE);
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.get(0).what().startsWith("'mother' assumes a family"), problems::toString);
    assertTrue(problems.get(1).what().startsWith("'walk' assumes a body that can walk"), problems::toString);
  }

  @Test
  void aPromiseOfSafetyIsRefusedWithThePresentAsTheFix() {
    Problem p = only(check(OPEN + "  - say: You are safe now.\n" + CLOSE));
    assertEquals("'You are safe' promises safety the device cannot know", p.what());
    assertTrue(p.fix().contains("you are here, in this room, now"), p::toString);
  }

  @Test
  void bodyAndPostureAreOfferedAsOptionsNotAssumed() {
    Problem p = only(check(OPEN + "  - say: Notice your feet on the floor.\n" + CLOSE));
    assertEquals(10, p.line());
    assertEquals(22, p.column());
    assertTrue(p.what().startsWith("'feet' is said as if every listener has it"), p::toString);

    assertEquals(List.of(), check(OPEN + "  - say: If you are sitting, notice your feet on the floor.\n" + CLOSE));
    assertEquals(List.of(), check(OPEN + "  - say: Notice whatever holds you up, a chair, a bed or the floor.\n"
        + CLOSE));
  }

  @Test
  void everyPracticeSaysHowToStopWithTheRealControls() {
    Problem p = only(check("  - say: Welcome. You can stop at any time.\n" + CLOSE));
    assertEquals("the practice never says how to stop with the real controls", p.what());
    assertTrue(p.fix().contains("say stop, or press the button once"), p::toString);
  }

  @Test
  void theWayToStopIsSaidBeforeTheFirstLongSilence() {
    Problem p = only(check("  - say: Welcome, if you like.\n  - pause: 30s\n" + OPEN + CLOSE));
    assertEquals(10, p.line());
    assertEquals("the practice reaches a long silence before saying how to stop", p.what());
  }

  @Test
  void holdingTheButtonIsNeverTheWayOut() {
    List<Problem> problems = check(OPEN + "  - say: Or hold the button to end.\n" + CLOSE);
    Problem p = only(problems);
    assertEquals(10, p.line());
    assertEquals(13, p.column());
    assertTrue(p.what().contains("a long hold is not the way out"), p::toString);
    assertTrue(p.fix().contains("press the button once"), p::toString);
  }

  @Test
  void pressingTheButtonSaysHowOften() {
    Problem p = only(check(OPEN + "  - say: You can press the button to pause.\n" + CLOSE));
    assertEquals("'press the button' without saying how often", p.what());
  }

  @Test
  void aWordTheListenerIsToldToSayMustBeOneTheDeviceUnderstands() {
    Problem p = only(check("  - say: You can stop at any time, say halt, or press the button once.\n" + CLOSE));
    assertEquals(9, p.line());
    assertEquals(36, p.column());
    assertEquals("the listener is told to say 'halt', which the device does not understand", p.what());
    assertTrue(p.fix().contains("'stop'"), p::toString);

    assertEquals(List.of(), check(OPEN + "  - say: If it is too much, say too much. Say help to hear more.\n"
        + CLOSE));
    assertEquals(List.of(), check(OPEN + "  - say: You might say inside, in a warm voice, I am here.\n" + CLOSE));
  }

  @Test
  void anEvocativePracticeNamesTheReactionAsCommonAndTheGroundingItLeadsTo() {
    assertEquals(List.of(), check("  - chime\n" + EVOCATIVE_STOP.replace("Warmth", "If you like, warmth")
        + "  - pause: 30s\n" + CLOSE, "evocative"));

    List<Problem> problems = check(OPEN + "  - pause: 30s\n" + CLOSE, "evocative");
    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.get(0).what().contains("does not say that it leads to a short grounding"),
        problems::toString);
    assertTrue(problems.get(1).what().contains("does not say that hard feelings are common"), problems::toString);
  }

  @Test
  void longSentencesAreNamedWhereTheyStart() {
    String longSentence = "word ".repeat(30).strip() + ".";
    List<Problem> problems = check(OPEN + "  - say: " + longSentence + "\n" + CLOSE);
    Problem sentence = only(problems);
    assertTrue(sentence.what().startsWith("a sentence of 30 words (\"word word"), sentence::toString);
    assertEquals(10, sentence.line());
    assertEquals(10, sentence.column());
  }

  @Test
  void aLongAverageSentenceLengthIsNamed() {
    String sentence = "word ".repeat(20).strip() + ". ";
    List<Problem> problems = check(OPEN + "  - say: " + sentence.repeat(6) + "\n" + CLOSE);
    assertEquals("sentences average 15.6 words", only(problems).what());
  }
}
