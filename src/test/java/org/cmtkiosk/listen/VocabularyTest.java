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
  void idleListensOnlyForStart() throws Exception {
    assertEquals(List.of("start", "begin", "[unk]"), grammar(Context.IDLE));
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
  void aSiteCanChangeTheWords() {
    EnumMap<Command, List<String>> words = new EnumMap<>(Vocabulary.DEFAULT_WORDS);
    words.put(Command.STOP, List.of("stop", "enough"));
    Vocabulary site = new Vocabulary(words, List.of());
    assertEquals(new Heard.CommandHeard(Command.STOP, "enough"), site.meaning("Enough", Context.PRACTICE).get());
    assertTrue(site.meaning("finish", Context.PRACTICE).isEmpty());
  }

  @Test
  void saysWhatCanBeSaid() {
    assertEquals("You can say: stop, pause, resume, slower, faster, louder, quieter, tone, repeat, skip, help, menu, "
        + "ground me.", vocabulary.whatYouCanSay(Context.PRACTICE));
    assertTrue(vocabulary.whatYouCanSay(Context.MENU).contains("the name of a practice, such as breathing"));
  }
}
