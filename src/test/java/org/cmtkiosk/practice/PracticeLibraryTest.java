package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.text.Sentences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped practice library: complete, and written for people who may be listening alone and distressed. */
class PracticeLibraryTest {
  static final Library LIBRARY = Library.load(Path.of("scripts"), new ContentRules(Defaults.config().maxSilence()));
  private static final Set<String> EVOCATIVE = Set.of("safe-place", "compassionate-colour", "compassionate-self",
      "compassionate-other", "compassion-to-others", "compassion-from-others", "self-compassion",
      "compassionate-letter", "multiple-selves");
  private static final List<String> INVITING = List.of("if it feels right", "you might", "if you like",
      "you are invited", "you can", "you are safe to take this at your own pace");
  /** Words that assume a faith, a family or a body the listener may not have. */
  private static final Pattern ASSUMING = Pattern.compile(
      "\\b(god|pray|prayer|heaven|church|blessed|mother|father|mum|dad|parents|husband|wife|walk|stand up)\\b");

  static Stream<Practice> practices() {
    return LIBRARY.practices().stream();
  }

  @Test
  void everyPracticeOfTheLibraryShipsAndIsValid() {
    assertEquals(List.of(), LIBRARY.problems());
    assertEquals(List.of("appreciation", "body-scan", "compassion-from-others", "compassion-to-others",
        "compassionate-colour", "compassionate-letter", "compassionate-other", "compassionate-self", "grounding",
        "mindful-listening", "multiple-selves", "safe-place", "self-compassion", "soothing-rhythm-breathing",
        "soothing-rhythm-short", "three-circles", "welcome"),
        LIBRARY.practices().stream().map(Practice::id).toList());
  }

  @Test
  void theImageryFlowsLetterAndSelvesPracticesAreMarkedEvocative() {
    assertEquals(EVOCATIVE, LIBRARY.practices().stream().filter(p -> p.intensity() == Intensity.EVOCATIVE)
        .map(Practice::id).collect(Collectors.toSet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void opensWithAnInvitationNotACommand(Practice p) {
    String opening = p.steps().stream().filter(s -> s instanceof Step.Say).limit(2).map(s -> ((Step.Say) s).text())
        .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
    assertTrue(INVITING.stream().anyMatch(opening::contains), opening);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void evocativePracticesSayHowToStopBeforeTheFirstLongSilence(Practice p) {
    if (p.intensity() != Intensity.EVOCATIVE) {
      return;
    }
    for (Step s : p.steps()) {
      if (s instanceof Step.Say say && ContentRules.mentionsStop(say.text())) {
        assertTrue(say.text().toLowerCase(Locale.ROOT).matches("(?s).*(common|understandable).*"),
            "the reaction is named as common: " + say.text());
        return;
      }
      assertTrue(!(s instanceof Step.Pause pause) || pause.length().compareTo(ContentRules.LONG_SILENCE) < 0,
          "long silence at line " + s.line() + " before the stop sentence");
    }
    throw new AssertionError("no stop/grounding sentence in " + p.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void imageryGivesTimeToPractiseAndEveryLongSilenceEndsWithACue(Practice p) {
    List<Step> steps = p.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Step.Pause pause && pause.length().compareTo(ContentRules.LONG_SILENCE) >= 0) {
        assertTrue(pause.length().compareTo(Defaults.config().maxSilence()) <= 0, "line " + pause.line());
        assertTrue(i + 1 < steps.size() && steps.get(i + 1) instanceof Step.Say, "cue after line " + pause.line());
      }
    }
    if (p.intensity() == Intensity.EVOCATIVE) {
      assertTrue(steps.stream().anyMatch(s -> s instanceof Step.Pause pause
          && pause.length().compareTo(ContentRules.LONG_SILENCE) >= 0), "imagery needs 20-60 s silences");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void sentencesAreShortAndAssumeNoFaithFamilyOrBody(Practice p) {
    List<String> sentences = p.steps().stream().filter(s -> s instanceof Step.Say)
        .flatMap(s -> Sentences.of(((Step.Say) s).text()).stream()).toList();
    double mean = sentences.stream().mapToInt(Sentences::words).average().orElseThrow();
    int longest = sentences.stream().mapToInt(Sentences::words).max().orElseThrow();
    assertTrue(mean <= ContentRules.MAX_MEAN_WORDS, p.id() + " mean sentence length " + mean);
    assertTrue(longest <= ContentRules.MAX_SENTENCE_WORDS, p.id() + " longest sentence " + longest);
    for (String s : sentences) {
      assertTrue(!ASSUMING.matcher(s.toLowerCase(Locale.ROOT)).find(), s);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void closesByReturningToTheRoom(Practice p) {
    Step last = p.steps().stream().filter(s -> s instanceof Step.Say).reduce((a, b) -> b).orElseThrow();
    assertTrue(((Step.Say) last).text().contains("room"), p.id());
  }

  @Test
  void spokenNamesAreDistinctShortAndInPlainWords() {
    List<String> names = LIBRARY.practices().stream().map(Practice::spokenName).toList();
    assertEquals(names.size(), Set.copyOf(names).size());
    for (String name : names) {
      assertTrue(name.matches("[a-z]+( [a-z]+){0,2}"), name);
    }
  }
}
