package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cmtkiosk.App;
import org.cmtkiosk.config.Defaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped practice library: complete, and written for people who may be listening alone and distressed. The
 * per-file wording rules are the ones {@code validate} applies ({@link ContentRules}, built as the app builds them);
 * this test adds what only the whole library can show.
 */
class PracticeLibraryTest {
  static final Library LIBRARY = Library.load(Path.of("scripts"), new App(Defaults.config()).contentRules());
  private static final Set<String> EVOCATIVE = Set.of("safe-place", "compassionate-colour", "compassionate-self",
      "compassionate-other", "compassion-to-others", "compassion-from-others", "self-compassion",
      "compassionate-letter", "multiple-selves", "compassionate-self-short", "safe-place-short",
      "compassionate-other-short");
  /** The short versions, for titrated practice, must be 3 to 4 minutes. */
  private static final List<String> SHORT = List.of("compassionate-self-short", "safe-place-short",
      "compassionate-other-short");

  static Stream<Practice> practices() {
    return LIBRARY.practices().stream();
  }

  private static Practice get(String id) {
    return LIBRARY.find(id).orElseThrow(() -> new AssertionError("no practice " + id));
  }

  private static String spoken(Practice p) {
    return p.steps().stream().flatMap(s -> Sentence.spokenBy(s).stream()).collect(Collectors.joining(" "))
        .toLowerCase(Locale.ROOT);
  }

  @Test
  void everyPracticeOfTheLibraryShipsAndKeepsEveryContentRule() {
    assertEquals(List.of(), LIBRARY.problems());
    assertEquals(List.of("appreciation", "body-scan", "compassion-from-others", "compassion-to-others",
        "compassionate-colour", "compassionate-letter", "compassionate-other", "compassionate-other-short",
        "compassionate-self", "compassionate-self-short", "eyes-open", "grounding", "hard-moment", "mindful-listening",
        "multiple-selves", "safe-place", "safe-place-short", "self-compassion",
        "soothing-rhythm-breathing", "soothing-rhythm-short", "three-circles", "welcome", "when-warmth-feels-hard",
        "why-so-hard-on-ourselves"), LIBRARY.practices().stream().map(Practice::id).toList());
  }

  @Test
  void theImageryFlowsLetterSelvesAndShortImageryPracticesAreMarkedEvocative() {
    assertEquals(EVOCATIVE, LIBRARY.practices().stream().filter(p -> p.intensity() == Intensity.EVOCATIVE)
        .map(Practice::id).collect(Collectors.toSet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void evocativePracticesGiveTimeToImagine(Practice p) {
    if (p.intensity() == Intensity.EVOCATIVE) {
      assertTrue(p.steps().stream().anyMatch(s -> s instanceof Step.Pause pause
          && pause.length().compareTo(ContentRules.LONG_SILENCE) >= 0), "imagery needs 20-60 s silences");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("practices")
  void everyPracticeNamesItsConceptAndTheControlsAsTheyAre(Practice p) {
    assertTrue(!p.concept().isBlank());
    String words = spoken(p);
    assertTrue(words.contains("press the button once"), p.id());
    assertTrue(!words.contains("hold the button") && !words.contains("long press"), p.id());
  }

  @Test
  void theShortVersionsAreThreeToFourMinutes() {
    for (String id : SHORT) {
      Duration d = get(id).target();
      assertTrue(d.compareTo(Duration.ofMinutes(3)) >= 0 && d.compareTo(Duration.ofMinutes(4)) <= 0, id + " " + d);
    }
  }

  @Test
  void groundingLooksAtTheRoomFirstOffersPosturesKeepsTheBreathOptionalAndClaimsNoSafety() {
    List<String> says = get("grounding").steps().stream().filter(s -> s instanceof Step.Say)
        .map(s -> ((Step.Say) s).text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).toList();
    assertTrue(says.get(1).contains("open") && says.get(1).contains("room"), "eyes open and the room come first");
    String all = String.join(" ", says);
    for (String posture : List.of("sitting", "standing", "lying")) {
      assertTrue(all.contains("if you are " + posture), posture);
    }
    String breath = says.stream().filter(s -> s.contains("breath")).findFirst().orElseThrow();
    assertTrue(breath.contains("if it helps") && breath.contains("or simply"), breath);
    assertTrue(all.contains("you are here, in this room, now"), all);
  }

  @Test
  void compassionIsDefinedPlainlyWithBothPsychologies() {
    String talk = spoken(get("three-circles"));
    assertTrue(talk.contains("sensitive to suffering, in ourselves and in others"), talk);
    assertTrue(talk.contains("the commitment, and the courage, to try to ease that suffering, and to prevent it"),
        talk);
  }

  @Test
  void theModelIsCompleteWhereItMatters() {
    assertTrue(spoken(get("compassionate-colour")).contains("strength"), "the colour carries strength");
    String selves = spoken(get("multiple-selves"));
    assertTrue(!selves.contains("reassur") && selves.contains("what would help now"), selves);
    String circles = spoken(get("three-circles"));
    assertTrue(circles.contains("self-criticism keeps the threat system switched on"), circles);
    assertTrue(circles.contains("perhaps the way our minds react is not our fault")
        && circles.contains("an idea you might like to try on"), "not our fault is offered, not stated");
    String toOthers = spoken(get("compassion-to-others"));
    assertTrue(toOthers.contains("struggle") && toOthers.contains("what would truly help"), toOthers);
    assertTrue(!toOthers.contains("i hope you can be well"), "CFT's first flow, not a loving-kindness phrase");
  }

  @Test
  void spokenNamesAreDistinctShortPlainAndNoneContainsAnother() {
    List<String> names = LIBRARY.practices().stream().map(Practice::spokenName).toList();
    assertEquals(names.size(), Set.copyOf(names).size());
    for (String name : names) {
      assertTrue(name.matches("[a-z]+( [a-z]+){0,2}"), name);
    }
    Map<String, String> allowed = Map.of("short breathing", "breathing");
    for (String a : names) {
      for (String b : names) {
        assertTrue(a.equals(b) || !(" " + a + " ").contains(" " + b + " ") || b.equals(allowed.get(a)),
            "'" + a + "' contains '" + b + "': by ear one is heard inside the other");
      }
    }
  }
}
