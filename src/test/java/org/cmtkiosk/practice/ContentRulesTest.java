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
  private static final ContentRules RULES = new ContentRules(Duration.ofSeconds(90));
  private static final String STOP = "If this brings up hard feelings, saying stop or pressing the button brings a "
      + "short grounding.";

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

  @Test
  void aWellFormedPracticePasses() {
    assertEquals(List.of(), check("  - chime\n  - say: Welcome.\n  - pause: 30s\n  - say: And back to the room.\n"
        + "  - chime\n"));
  }

  @Test
  void aSilenceLongerThanTheMaximumIsRefused() {
    Problem p = check("  - say: Welcome.\n  - pause: 2m\n  - say: Back to the room.\n").get(0);
    assertEquals(10, p.line());
    assertTrue(p.what().contains("longer than practices.max_silence (1m 30s)"), p::toString);
  }

  @Test
  void aLongSilenceMustBeFollowedBySpeech() {
    Problem p = check("  - say: Welcome.\n  - pause: 30s\n  - chime\n  - say: Back to the room.\n").get(0);
    assertTrue(p.what().contains("a long silence (30s) is not followed by spoken words"), p::toString);
  }

  @Test
  void anEvocativePracticeSaysHowToStopBeforeItsFirstLongSilence() {
    List<Problem> late = check("  - say: Welcome.\n  - pause: 30s\n  - say: " + STOP + "\n"
        + "  - say: Back to the room.\n", "evocative");
    assertTrue(late.get(0).what().contains("reaches a long silence before saying how to stop"), late::toString);

    assertEquals(List.of(), check("  - say: Welcome. " + STOP + "\n  - pause: 30s\n  - say: Back to the room.\n",
        "evocative"));
  }

  @Test
  void practicesOpenWithWordsAndCloseInTheRoom() {
    List<Problem> problems = check("  - pause: 5s\n  - say: Goodbye.\n");
    assertTrue(problems.get(0).what().contains("does not open with spoken words"), problems::toString);
    assertTrue(problems.get(1).what().contains("does not close by returning attention to the room"),
        problems::toString);
  }

  @Test
  void longSentencesAreNamed() {
    String longSentence = "word ".repeat(30).strip() + ".";
    List<Problem> problems = check("  - say: " + longSentence + "\n  - say: Back to the room.\n");
    assertTrue(problems.stream().anyMatch(p -> p.what().startsWith("a sentence of 30 words")), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.what().startsWith("sentences average 17.0 words")),
        problems::toString);
  }
}
