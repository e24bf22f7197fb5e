package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("Breathing", "safe place"));

  private List<?> grammar(Context c) throws Exception {
    return new ObjectMapper().readValue(vocabulary.grammar(c), List.class);
  }

  @Test
  void idleListensForStartAndTheWayOut() throws Exception {
    assertEquals(List.of("stop", "please stop", "i want to stop", "end", "finish", "too much", "grounding",
        "ground me", "it's too much", "that's enough", "help me", "help", "what can i say", "start", "begin", "[unk]"),
        grammar(Context.IDLE));
  }

  @Test
  void everyContextListensForTheWayOut() throws Exception {
    for (Context c : Context.values()) {
      assertTrue(grammar(c).containsAll(List.of("stop", "please stop", "i want to stop", "too much", "it's too much",
          "that's enough", "help me", "grounding", "help")), c::toString);
    }
  }

  @Test
  void theWayOutIsHeardInsideALongerUtterance() {
    assertEquals(new Heard.CommandHeard(Command.STOP, "please stop"), vocabulary.meaning("Oh, please stop now.",
        Context.MENU).get());
    assertEquals(new Heard.CommandHeard(Command.GROUND_ME, "it's too much"), vocabulary.meaning(
        "[unk] it’s too much [unk]", Context.NUMBER).get());
    assertEquals(Command.GROUND_ME, ((Heard.CommandHeard) vocabulary.meaning("please stop it's too much",
        Context.PRACTICE).get()).command(), "grounding is the stronger way out");
    assertEquals(Command.GROUND_ME, ((Heard.CommandHeard) vocabulary.meaning("help me", Context.IDLE).get())
        .command(), "'help me' is distress, not a question");
    assertEquals(Command.HELP, ((Heard.CommandHeard) vocabulary.meaning("[unk] help", Context.IDLE).get())
        .command());
    assertTrue(vocabulary.meaning("[unk] slower", Context.PRACTICE).isEmpty(), "only the way out inside");
    assertTrue(vocabulary.meaning("stopping", Context.PRACTICE).isEmpty(), "whole words only");
  }

  @Test
  void theMenuGrammarHasThePracticeNamesAndEndsWithUnknown() throws Exception {
    List<?> menu = grammar(Context.MENU);
    assertTrue(menu.containsAll(List.of("breathing", "safe place", "help", "what can i say", "stop")), menu::toString);
    assertEquals("[unk]", menu.get(menu.size() - 1));
  }

  @Test
  void numberQuestionsHearZeroToTen() throws Exception {
    List<?> numbers = grammar(Context.NUMBER);
    assertTrue(numbers.containsAll(List.of("zero", "five", "ten", "skip")), numbers::toString);
    assertTrue(!numbers.contains("slower"));
  }

  @Test
  void aSiteCanChangeTheWordsButNotRemoveTheWayOut() {
    EnumMap<Command, List<String>> words = new EnumMap<>(Vocabulary.DEFAULT_WORDS);
    words.put(Command.STOP, List.of("enough now"));
    words.put(Command.GROUND_ME, List.of("ground me"));
    words.put(Command.PAUSE, List.of("hold on"));
    Vocabulary site = new Vocabulary(words, List.of());
    assertEquals(new Heard.CommandHeard(Command.STOP, "enough now"), site.meaning("Enough now", Context.PRACTICE)
        .get());
    assertEquals(Command.STOP, ((Heard.CommandHeard) site.meaning("stop", Context.PRACTICE).get()).command());
    assertEquals(Command.GROUND_ME, ((Heard.CommandHeard) site.meaning("too much", Context.PRACTICE).get())
        .command());
    assertTrue(site.meaning("pause", Context.PRACTICE).isEmpty(), "other commands can be renamed");
  }

  @Test
  void saysWhatCanBeSaid() {
    assertEquals("You can say: stop, too much, help, pause, resume, slower, faster, louder, quieter, tone, repeat, "
        + "skip, menu.", vocabulary.whatYouCanSay(Context.PRACTICE));
    assertEquals("You can say: stop, too much, help, again, rest, something gentle, that one.",
        vocabulary.whatYouCanSay(Context.LANDING));
    assertTrue(vocabulary.whatYouCanSay(Context.MENU).contains("the name of a practice, such as breathing"));
  }
}
