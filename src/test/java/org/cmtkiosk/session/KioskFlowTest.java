package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.KioskFlow.State;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole kiosk sessions on a simulated clock with a scripted listener and a recording stage. */
class KioskFlowTest {
  static final Library LIBRARY = Library.load(Path.of("scripts"));
  static final KioskConfig CONFIG = Defaults.config();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final List<SessionRecord> journal = new ArrayList<>();
  private RecordingStage stage;
  private KioskFlow flow;

  static Practice practice(String id) {
    return LIBRARY.find(id).orElseThrow();
  }

  @BeforeEach
  void idleKiosk() {
    stage = new RecordingStage(CONFIG);
    flow = new KioskFlow(CONFIG, LIBRARY.practices().stream().filter(p -> !p.id().equals("welcome")
        && !p.id().equals("grounding")).toList(), practice("welcome"), practice("grounding"),
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing", "safe place")), stage, clock, journal::add);
  }

  /** Gets past the welcome practice of the day's first session, into the menu. */
  private void startToMenu() {
    flow.command(Command.START);
    if (flow.state() == State.WELCOME) {
      stage.finishPractice();
    }
    stage.finishSaying();
    assertEquals(State.MENU, flow.state());
  }

  @Test
  void aWholeSessionWithCheckInsIsJournalledAsNumbersOnly() {
    startToMenu();
    assertEquals("welcome", stage.played.get(0), "the first session of the day starts with the welcome");
    assertTrue(stage.lastSaid().startsWith("Which practice would you like? You could say"), stage.lastSaid());

    flow.heard(new Heard.PracticeHeard("breathing"));
    assertEquals(Prompts.CHECK_IN, stage.lastSaid());
    stage.finishSaying();
    flow.heard(new Heard.NumberHeard(4));
    assertEquals(State.PRACTICE, flow.state());
    stage.finishPractice();
    assertEquals(Prompts.CHECK_IN, stage.lastSaid());
    stage.finishSaying();
    flow.heard(new Heard.NumberHeard(7));
    assertEquals(Prompts.CLOSING, stage.lastSaid());
    stage.finishSaying();

    assertEquals(State.IDLE, flow.state());
    SessionRecord r = journal.get(0);
    assertEquals(List.of("welcome", "soothing-rhythm-breathing"), r.practices().stream()
        .map(SessionRecord.PracticeDone::practiceId).toList());
    assertEquals(Outcome.COMPLETED, r.practices().get(1).outcome());
    assertEquals(4, r.calmBefore());
    assertEquals(7, r.calmAfter());
    assertEquals(Map.of("start", 1), r.commands());
    assertEquals(6.0, r.slowestPerMinute(), 1e-9);
  }

  @Test
  void silenceInTheMenuOffersBreathingAndAYesStartsIt() {
    startToMenu();
    clock.advance(Duration.ofSeconds(19));
    flow.tick();
    assertEquals(State.MENU, flow.state());
    clock.advance(Duration.ofSeconds(1));
    flow.tick();
    assertEquals(Prompts.OFFER, stage.lastSaid());
    stage.finishSaying();
    flow.command(Command.PAUSE_OR_RESUME);
    stage.finishSaying();
    clock.advance(Duration.ofSeconds(30));
    flow.tick();
    assertEquals("soothing-rhythm-breathing", stage.played.get(stage.played.size() - 1),
        "the button's short press says yes; the unanswered check-in was skipped");
  }

  @Test
  void longerSilenceAfterTheOfferSaysGoodbyeAndReturnsToIdle() {
    startToMenu();
    clock.advance(Duration.ofSeconds(20));
    flow.tick();
    stage.finishSaying();
    clock.advance(Duration.ofSeconds(40));
    flow.tick();
    assertEquals(Prompts.GOODBYE, stage.lastSaid());
    stage.finishSaying();
    assertEquals(State.IDLE, flow.state());
    assertEquals(1, journal.size());
    assertEquals(List.of("welcome"), journal.get(0).practices().stream().map(p -> p.practiceId()).toList());
    assertEquals(Stage.Light.IDLE, stage.lights.get(stage.lights.size() - 1));
  }

  private void intoPractice(String spokenName) {
    startToMenu();
    flow.heard(new Heard.PracticeHeard(spokenName));
    stage.finishSaying();
    flow.command(Command.SKIP);
    assertEquals(State.PRACTICE, flow.state());
  }

  @Test
  void stopInAGentlePracticeEndsItAndClosesGently() {
    intoPractice("breathing");
    flow.command(Command.STOP);
    PracticeRun.Result result = stage.finishPractice();
    assertEquals(Outcome.STOPPED_EARLY, result.done().outcome());
    assertEquals(Prompts.CLOSING, stage.lastSaid());
    stage.finishSaying();
    assertEquals(Outcome.STOPPED_EARLY, journal.get(0).practices().get(1).outcome());
  }

  @Test
  void tooMuchInAnEvocativePracticeLeadsToGroundingAndAGentleClose() {
    intoPractice("safe place");
    flow.heard(new Heard.CommandHeard(Command.GROUND_ME, "too much"));
    stage.finishPractice();
    assertEquals(List.of("welcome", "safe-place", "grounding"), stage.played);
    assertEquals(State.GROUNDING, flow.state());
    stage.finishPractice();
    assertEquals(Prompts.GENTLE_CLOSE, stage.lastSaid());
    stage.finishSaying();
    SessionRecord r = journal.get(0);
    assertEquals(Outcome.GROUNDING_OFFERED, r.practices().get(1).outcome());
    assertEquals("grounding", r.practices().get(2).practiceId());
    assertEquals(Outcome.COMPLETED, r.practices().get(2).outcome());
  }

  @Test
  void stopInAnEvocativePracticeAlsoOffersGrounding() {
    intoPractice("safe place");
    flow.command(Command.STOP);
    assertEquals(Outcome.GROUNDING_OFFERED, stage.finishPractice().done().outcome());
    assertEquals("grounding", stage.played.get(stage.played.size() - 1));
  }

  @Test
  void helpSaysTheSitesMessageThatItIsNotTherapyAndWhatCanBeSaid() {
    startToMenu();
    flow.command(Command.HELP);
    String help = stage.lastSaid();
    assertTrue(help.startsWith(CONFIG.kiosk().helpMessage()), help);
    assertTrue(help.contains("It is not therapy, and it is not a crisis service."), help);
    assertTrue(help.contains("You can say: stop, help"), help);
    stage.finishSaying();
    assertEquals(State.MENU, flow.state(), "back to the menu after help");
    intoHelpDuringPractice();
  }

  private void intoHelpDuringPractice() {
    flow.heard(new Heard.PracticeHeard("breathing"));
    stage.finishSaying();
    flow.command(Command.SKIP);
    flow.command(Command.HELP);
    assertTrue(stage.interjected.get(0).contains("You can say: stop, pause"), stage.interjected::toString);
    assertEquals(State.PRACTICE, flow.state());
  }

  @Test
  void twoSessionsBackToBackShareNothing() {
    intoPractice("breathing");
    flow.command(Command.SLOWER);
    flow.command(Command.SLOWER);
    stage.finishPractice();
    stage.finishSaying();
    flow.heard(new Heard.NumberHeard(8));
    stage.finishSaying();
    assertEquals(State.IDLE, flow.state());

    flow.command(Command.START);
    assertEquals(Prompts.WELCOME_BACK, stage.lastSaid(), "the welcome practice is once a day");
    stage.finishSaying();
    flow.heard(new Heard.PracticeHeard("breathing"));
    assertEquals(Prompts.CHECK_IN, stage.lastSaid(), "the new person is asked again");
    stage.finishSaying();
    flow.command(Command.SKIP);
    stage.finishPractice();
    stage.finishSaying();
    clock.advance(Duration.ofSeconds(10));
    flow.tick();
    stage.finishSaying();

    SessionRecord first = journal.get(0);
    SessionRecord second = journal.get(1);
    assertTrue(!first.sessionId().equals(second.sessionId()));
    assertEquals(Map.of("skip", 1, "start", 1), second.commands(), "no commands of the first person");
    assertNull(second.calmBefore());
    assertNull(second.calmAfter());
    assertEquals(6.0, second.slowestPerMinute(), 1e-9, "the script's pace, not the last person's slower one");
    assertTrue(first.slowestPerMinute() < 6.0, "the first person had slowed it");
  }

  @Test
  void aPersonCanAnswerBeforeTheQuestionHasBeenSaidToTheEnd() {
    startToMenu();
    flow.command(Command.REPEAT);
    assertEquals(State.SAYING, flow.state());
    flow.heard(new Heard.PracticeHeard("breathing"));
    assertEquals(Prompts.CHECK_IN, stage.lastSaid(), "the menu was cut short and the choice taken");
    flow.heard(new Heard.NumberHeard(3));
    assertEquals(State.PRACTICE, flow.state(), "the check-in answered while it was being asked");
    flow.command(Command.STOP);
    stage.finishPractice();
    stage.finishSaying();
    assertEquals(Map.of("start", 1, "repeat", 1, "stop", 1), journal.get(0).commands(), "each counted once");
  }

  @Test
  void quietHoursMakeSessionsQuieterAtNight() {
    MutableClock night = new MutableClock(Instant.parse("2026-11-23T22:30:00Z"));
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    try {
      KioskFlow nightFlow = new KioskFlow(CONFIG, List.of(practice("soothing-rhythm-breathing")), null, null,
          new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of()), stage, night, journal::add);
      nightFlow.command(Command.START);
      assertEquals(List.of(true), stage.quiet);
      stage.finishSaying();
      nightFlow.command(Command.STOP);
      stage.finishSaying();
      assertEquals(List.of(true, false), stage.quiet, "back to normal when the session ends");
      flow.command(Command.START);
      assertEquals(false, stage.quiet.get(2), "10:00 is not quiet hours");
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
  }
}
