package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.KioskFlow.State;
import org.cmtkiosk.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Whole kiosk sessions on a simulated clock with a recording stage, as a person meets them. */
class KioskFlowTest {
  private final KioskFixture k = new KioskFixture();

  private List<String> practices(SessionRecord r) {
    return r.practices().stream().map(SessionRecord.PracticeDone::practiceId).toList();
  }

  @Test
  void aWholeSessionWithCheckInsIsJournalledAsNumbersOnly() {
    k.toMenu();
    assertEquals("welcome", k.stage.played.get(0), "the first session of the day starts with the welcome");
    assertTrue(k.stage.said.get(0).endsWith(Prompts.PRIVACY), "then where help is, and what is kept");
    k.say("breathing");
    k.stage.finishSaying();
    k.say("four");
    assertTrue(k.stage.lastSaid().startsWith("Four. Thank you. Before we begin: you can stop at any time."));
    k.stage.finishSaying();
    assertEquals(State.PRACTICE, k.flow.state());
    k.practiceCompletes();
    k.say("seven");
    assertEquals("Seven. Thank you. " + Prompts.CLOSING, k.stage.lastSaid());
    k.stage.finishSaying();

    assertEquals(State.IDLE, k.flow.state());
    SessionRecord r = k.journal.get(0);
    assertEquals(List.of("welcome", "soothing-rhythm-breathing"), practices(r));
    assertEquals(Outcome.COMPLETED, r.practices().get(1).outcome());
    assertEquals(4, r.calmBefore());
    assertEquals(7, r.calmAfter());
    assertEquals(Map.of("start", 1), r.commands());
    assertEquals(6.0, r.slowestPerMinute(), 1e-9);
  }

  @Test
  void shortPressInAnEvocativePracticeLeadsToGroundingThenTheHelpLineAndAChoice() {
    k.toPractice('2');
    k.flow.button(Gesture.SHORT);
    assertEquals(List.of(Outcome.GROUNDING_OFFERED), k.stage.stops, "silenced at once, with a short fade");
    k.stage.finishPractice();
    assertEquals("grounding", k.stage.played.get(k.stage.played.size() - 1));
    k.stage.finishPractice();
    assertEquals(State.LANDING, k.flow.state());
    assertTrue(k.stage.lastSaid().contains(Prompts.helpLine(KioskFixture.HELP_LINE)));
    k.until(Prompts.LANDING_FINISH);
    k.flow.button(Gesture.SHORT);
    assertEquals(Prompts.CALM_CLOSE, k.stage.lastSaid());
    k.stage.finishSaying();
    SessionRecord r = k.journal.get(0);
    assertEquals(List.of("welcome", "safe-place", "grounding"), practices(r));
    assertEquals(Outcome.GROUNDING_OFFERED, r.practices().get(1).outcome());
    assertEquals(Outcome.COMPLETED, r.practices().get(2).outcome());
  }

  @Test
  void tooMuchInTheWelcomeTheMenuAndTheCheckInLeadsToGrounding() {
    k.flow.command(Command.START);
    k.say("it's too much");
    k.stage.finishPractice();
    assertEquals(State.GROUNDING, k.flow.state());
    assertEquals(List.of("welcome", "grounding"), k.stage.played);

    KioskFixture menu = new KioskFixture();
    menu.toMenu();
    menu.say("oh it's too much");
    assertEquals(State.GROUNDING, menu.flow.state());

    KioskFixture checkIn = new KioskFixture();
    checkIn.toMenu();
    checkIn.flow.key('1');
    checkIn.say("that's enough");
    assertEquals(State.GROUNDING, checkIn.flow.state());
    assertEquals("grounding", checkIn.stage.played.get(checkIn.stage.played.size() - 1));
  }

  @Test
  void helpAnywhereSaysTheHelpLine() {
    String line = Prompts.helpLine(KioskFixture.HELP_LINE);
    for (var moment : StateInputTableTest.MOMENTS.entrySet()) {
      KioskFixture f = new KioskFixture();
      moment.getValue().accept(f);
      int said = f.stage.said.size();
      int interjected = f.stage.interjected.size();
      f.say("help");
      List<String> spoken = new java.util.ArrayList<>(f.stage.said.subList(said, f.stage.said.size()));
      spoken.addAll(f.stage.interjected.subList(interjected, f.stage.interjected.size()));
      assertTrue(spoken.stream().anyMatch(s -> s.startsWith(line)), moment.getKey() + ": " + spoken);
    }
  }

  @Test
  void aPracticePausedForTwoMinutesEndsGentlyAndTheNextPersonStartsFresh() {
    k.toPractice('2');
    k.flow.button(Gesture.DOUBLE);
    assertEquals(State.PAUSED, k.flow.state());
    k.pass(Duration.ofSeconds(119));
    assertEquals(State.PAUSED, k.flow.state());
    k.pass(Duration.ofSeconds(1));
    assertEquals(List.of(Outcome.ENDED_WHILE_PAUSED), k.stage.stops);
    k.stage.finishPractice();
    assertEquals(Prompts.PAUSE_CLOSE, k.stage.lastSaid());
    k.stage.finishSaying();
    assertEquals(State.IDLE, k.flow.state());
    assertEquals(Outcome.ENDED_WHILE_PAUSED, k.journal.get(0).practices().get(1).outcome());

    k.flow.button(Gesture.SHORT);
    assertEquals(Prompts.GREETING, k.stage.lastSaid(), "a new session, from the start");
    k.until("Breathing, about 8 minutes.");
    k.flow.key('1');
    assertTrue(k.stage.lastSaid().endsWith(Prompts.CHECK_IN), "the new person is asked, as a new person");
  }

  @Test
  void aLowCheckInOffersTheHelpLineAndAGrounding() {
    k.toPractice('1');
    k.practiceCompletes();
    k.say("two");
    assertEquals(State.LOW_RATING, k.flow.state());
    assertTrue(k.stage.lastSaid().contains(Prompts.helpLine(KioskFixture.HELP_LINE)), k.stage.lastSaid());
    k.stage.finishSaying();
    k.flow.button(Gesture.SHORT);
    assertEquals(State.GROUNDING, k.flow.state(), "one press says yes to the grounding");
  }

  @Test
  void theButtonAloneChoosesAPracticeAndAnswersTheCheckInByCounting() {
    k.flow.voiceAvailable(false);
    k.flow.button(Gesture.SHORT);
    k.stage.finishPractice();
    k.until("Safe place, about 8 minutes.");
    k.flow.button(Gesture.SHORT);
    assertTrue(k.stage.lastSaid().startsWith("You chose safe place."), k.stage.lastSaid());
    k.until("Two.");
    k.clock.advance(Duration.ofMillis(500));
    k.flow.tick();
    assertEquals("Three.", k.stage.lastSaid());
    k.clock.advance(Duration.ofMillis(300));
    k.flow.button(Gesture.SHORT);
    assertTrue(k.stage.lastSaid().startsWith("Two. Thank you."), "a press just as 'three' begins meant two");
    assertEquals(State.LOW_RATING, k.flow.state());
  }

  @Test
  void theKeyboardAloneChoosesStopsGroundsHearsTheHelpLineAndRatesWithSubtitles() {
    k.flow.key('\r');
    k.stage.finishPractice();
    k.until(Prompts.MENU);
    k.flow.key('2');
    k.stage.finishSaying();
    k.flow.key('1');
    k.flow.key('0');
    assertTrue(k.stage.lastSaid().startsWith("Ten. Thank you. Before we begin"), k.stage.lastSaid());
    k.stage.finishSaying();
    assertEquals(State.PRACTICE, k.flow.state());
    k.flow.key('s');
    k.stage.finishPractice();
    assertEquals(State.GROUNDING, k.flow.state());
    k.flow.key('h');
    k.stage.finishPractice();
    k.stage.finishSaying();
    k.flow.key('4');
    k.stage.finishSaying();
    assertEquals(State.IDLE, k.flow.state());
    SessionRecord r = k.journal.get(0);
    assertEquals(10, r.calmBefore());
    assertEquals(List.of("welcome", "safe-place", "grounding"), practices(r));

    List<String> lines = k.stage.subtitles.stream().map(s -> s.line(java.time.ZoneOffset.UTC)).toList();
    String all = String.join("\n", lines);
    for (String expected : List.of("heard: key 2", "says: You chose safe place.", "heard: key s (stop)",
        "note: playing grounding", "heard: key h (help)", "says: " + Prompts.helpLine(KioskFixture.HELP_LINE),
        "heard: key 4", "note: session ended and journalled")) {
      assertTrue(all.contains(expected), "subtitles should show '" + expected + "':\n" + all);
    }
    assertTrue(lines.get(0).matches("\\[\\d\\d:\\d\\d:\\d\\d\\] (says|heard|note): .*"), lines.get(0));
  }

  @Test
  void typedOneWaitsBrieflyForASecondDigit() {
    k.toMenu();
    k.flow.key('1');
    k.until(s -> s.endsWith(Prompts.CHECK_IN));
    k.flow.key('1');
    k.clock.advance(Duration.ofMillis(1400));
    k.flow.tick();
    assertEquals(State.CHECK_IN, k.flow.state());
    k.clock.advance(Duration.ofMillis(200));
    k.flow.tick();
    assertTrue(k.stage.lastSaid().startsWith("One. Thank you."), k.stage.lastSaid());
  }

  @Test
  void thePracticeCommandRunsTheSameFlowStraightIntoItsPractice() {
    Practice safePlace = KioskFixture.practice("safe-place");
    assertTrue(k.flow.startPractice(safePlace));
    assertFalse(k.flow.startPractice(safePlace), "one session at a time");
    k.stage.finishSaying();
    k.flow.key('6');
    assertTrue(k.stage.lastSaid().contains("I will guide you through a short grounding"), "evocative orientation");
    k.stage.finishSaying();
    k.say("please stop");
    k.stage.finishPractice();
    assertEquals(List.of("safe-place", "grounding"), k.stage.played, "no welcome, no menu; grounding after stop");
    k.stage.finishPractice();
    assertEquals(State.LANDING, k.flow.state());
    k.say("finish");
    k.stage.finishSaying();
    assertEquals(List.of("safe-place", "grounding"), practices(k.journal.get(0)));
  }

  @Test
  void afterGroundingSomethingGentleNeverOffersTheEvocativePracticeAgain() {
    k.toPractice('2');
    k.say("too much");
    k.stage.finishPractice();
    k.stage.finishPractice();
    k.stage.finishSaying();
    k.say("something gentle");
    assertEquals(Prompts.GENTLE_MENU, k.stage.lastSaid());
    k.stage.finishSaying();
    assertEquals("Breathing, about 8 minutes.", k.stage.lastSaid());
    k.until(s -> s.startsWith("Would you like"));
    assertTrue(k.stage.said.stream().noneMatch(s -> s.startsWith("Safe place")), k.stage.said::toString);
    k.flow.key('2');
    assertTrue(k.stage.lastSaid().startsWith("You chose body scan."), "key 2 is the second gentle one");
    assertTrue(k.stage.lastSaid().contains("Before we begin"), "asked once a session: no second check-in before");
  }

  @Test
  void groundingCanBeRepeatedWithAgain() {
    k.toPractice('2');
    k.say("too much");
    k.stage.finishPractice();
    k.stage.finishPractice();
    k.stage.finishSaying();
    k.say("again");
    assertEquals(State.GROUNDING, k.flow.state());
    assertEquals(List.of("welcome", "safe-place", "grounding", "grounding"), k.stage.played);
  }

  @Test
  void menuDuringAPracticeAsksFirstAndNoCarriesOn() {
    k.toPractice('1');
    k.say("menu");
    assertEquals(State.CONFIRM_MENU, k.flow.state());
    assertEquals(List.of("pause"), k.stage.controls.stream().filter(c -> !c.equals("hush")).toList());
    k.stage.finishSaying();
    k.say("no");
    assertEquals(State.PRACTICE, k.flow.state());
    assertTrue(k.stage.stops.isEmpty(), "the practice goes on");
  }

  @Test
  void twoSessionsBackToBackShareNothing() {
    k.toPractice('1');
    k.say("slower");
    k.say("slower");
    k.practiceCompletes();
    k.say("eight");
    k.stage.finishSaying();
    assertEquals(State.IDLE, k.flow.state());

    k.flow.command(Command.START);
    assertEquals(Prompts.GREETING, k.stage.lastSaid(), "the welcome practice is once a day");
    k.until("Breathing, about 8 minutes.");
    k.say("breathing");
    assertTrue(k.stage.lastSaid().endsWith(Prompts.CHECK_IN), "the new person is asked again");
    k.stage.finishSaying();
    k.say("skip");
    k.stage.finishSaying();
    k.practiceCompletes();
    k.say("skip");
    k.stage.finishSaying();

    SessionRecord first = k.journal.get(0);
    SessionRecord second = k.journal.get(1);
    assertFalse(first.sessionId().equals(second.sessionId()));
    assertEquals(Map.of("skip", 2, "start", 1), second.commands(), "no commands of the first person");
    assertNull(second.calmBefore());
    assertNull(second.calmAfter());
    assertEquals(6.0, second.slowestPerMinute(), 1e-9, "the script's pace, not the last person's slower one");
    assertTrue(first.slowestPerMinute() < 6.0, "the first person had slowed it");
  }

  @Test
  void aPersonCanAnswerBeforeTheQuestionHasBeenSaidToTheEnd() {
    k.toMenu();
    k.say("breathing");
    assertTrue(k.flow.context() == org.cmtkiosk.listen.Context.NUMBER);
    k.say("three");
    assertEquals(State.LOW_RATING, k.flow.state(), "the check-in answered while it was being asked");
  }

  @Test
  void aPracticeThatFailsApologisesAndTheKioskReturnsToIdleStillListening() {
    k.toPractice('1');
    k.stage.failPractice("sound output gone");
    assertEquals(Prompts.SORRY, k.stage.lastSaid());
    k.stage.finishSaying();
    assertEquals(State.IDLE, k.flow.state());
    assertEquals(Outcome.ERROR, k.journal.get(0).practices().get(1).outcome());
    k.say("start");
    assertEquals(State.MENU, k.flow.state());
  }

  @Test
  void aStageThatNeverReportsTheEndOfAStoppedPracticeDoesNotStickTheFlow() {
    k.toPractice('1');
    k.flow.key('s');
    k.pass(Duration.ofSeconds(6));
    assertEquals(Prompts.CALM_CLOSE, k.stage.lastSaid());
  }

  @Test
  void quietHoursMakeSessionsQuieterAtNight() {
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    try {
      KioskFixture night = new KioskFixture();
      night.clock.advance(Duration.between(Instant.parse("2026-11-23T10:00:00Z"),
          Instant.parse("2026-11-23T22:30:00Z")));
      night.flow.command(Command.START);
      assertEquals(List.of(true), night.stage.quiet);
      night.say("stop");
      night.stage.finishPractice();
      night.stage.finishSaying();
      assertEquals(List.of(true, false), night.stage.quiet, "back to normal when the session ends");
      k.flow.command(Command.START);
      assertEquals(List.of(false), k.stage.quiet, "10:00 is not quiet hours");
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
  }

  @Test
  void everythingSaidInASessionIsInTheListPrepareSynthesisesAhead() {
    theKeyboardAloneChoosesStopsGroundsHearsTheHelpLineAndRatesWithSubtitles();
    k.flow.key('\r');
    k.until(s -> s.startsWith("Would you like to try"));
    k.flow.key('h');
    List<String> known = Prompts.all(KioskFixture.SETTINGS, Offering.of(KioskFixture.LIBRARY.practices(),
        KioskFixture.SETTINGS.offer()), k.vocabulary).stream()
        .flatMap(p -> org.cmtkiosk.text.Sentences.of(p).stream()).toList();
    for (String said : k.stage.said) {
      for (String sentence : org.cmtkiosk.text.Sentences.of(said)) {
        assertTrue(known.contains(sentence), "not prepared: '" + sentence + "'");
      }
    }
  }

  @Test
  void withoutAGroundingPracticeTheLandingStillHappens() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    KioskFixture f = new KioskFixture();
    KioskFlow flow = new KioskFlow(KioskFixture.SETTINGS, Offering.of(KioskFixture.LIBRARY.practices(),
        KioskFixture.SETTINGS.offer()), null, null, f.vocabulary, f.stage, clock, f.journal::add);
    flow.button(Gesture.LONG);
    assertEquals(Prompts.GROUNDING_FALLBACK, f.stage.lastSaid());
    f.stage.finishSaying();
    assertEquals(State.LANDING, flow.state());
    flow.heard(new Heard.CommandHeard(Command.STOP, "stop"));
    assertEquals(Prompts.CALM_CLOSE, f.stage.lastSaid());
  }
}
