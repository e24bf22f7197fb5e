package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.KioskFlow.State;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingStage;

/**
 * A kiosk on a simulated clock with a recording stage: the shipped practices, three of them offered (breathing,
 * gentle, first; the safe place, evocative; the body scan, gentle), help at "the nurse in charge".
 */
final class KioskFixture {
  static final Library LIBRARY = Library.load(Path.of("scripts"));
  static final KioskConfig CONFIG = Defaults.config();
  static final String HELP_LINE = "the nurse in charge";
  static final KioskSettings SETTINGS = settings(new KioskSettings.Offer(List.of("soothing-rhythm-breathing",
      "safe-place", "body-scan"), "soothing-rhythm-breathing", true, Duration.ofMinutes(20)));

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final List<SessionRecord> journal = new ArrayList<>();
  final RecordingStage stage;
  final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, LIBRARY.practices().stream()
      .map(Practice::spokenName).toList());
  final KioskFlow flow;

  KioskFixture() {
    this(SETTINGS, true);
  }

  /** @param render whether practices are rendered for real when they finish (needed for paces, slow for tables) */
  KioskFixture(KioskSettings settings, boolean render) {
    stage = new RecordingStage(CONFIG, render);
    flow = new KioskFlow(settings, Offering.of(LIBRARY.practices(), settings.offer()), practice("welcome"),
        practice("grounding"), vocabulary, stage, clock, journal::add);
  }

  static KioskSettings settings(KioskSettings.Offer offer) {
    KioskSettings d = Defaults.kiosk();
    return new KioskSettings(offer, new KioskSettings.Safety(HELP_LINE, 3), d.checkIn(), d.menuWait(), d.itemGap(),
        d.goodbyeAfter(), d.answerWait(), d.pauseTimeout(), d.quietHours());
  }

  static Practice practice(String id) {
    return LIBRARY.find(id).orElseThrow();
  }

  /** Says {@code words} as the recogniser would report it in the flow's current context. */
  void say(String words) {
    flow.heard(vocabulary.meaning(words, flow.context()).orElse(new Heard.NotUnderstood(words)));
  }

  /** Lets {@code d} pass in one-second ticks, finishing no speech. */
  void pass(Duration d) {
    for (long s = 0; s < d.toSeconds(); s++) {
      clock.advance(Duration.ofSeconds(1));
      flow.tick();
    }
  }

  /** Lets speech finish and time pass (a second at a time) until the device has said something matching. */
  void until(Predicate<String> said) {
    for (int i = 0; i < 600; i++) {
      if (stage.isSaying()) {
        String now = stage.lastSaid();
        stage.finishSaying();
        if (said.test(now)) {
          clock.advance(Duration.ofSeconds(1));
          flow.tick();
          return;
        }
      } else {
        clock.advance(Duration.ofSeconds(1));
        flow.tick();
      }
    }
    throw new AssertionError("never said it; said: " + stage.said);
  }

  void until(String exactly) {
    until(exactly::equals);
  }

  /** The day's first session, past the welcome, with the first practice just read out. */
  void toMenu() {
    flow.command(org.cmtkiosk.listen.Command.START);
    assertEquals(State.WELCOME, flow.state());
    stage.finishPractice();
    until("Breathing, about 8 minutes.");
    assertEquals(State.MENU, flow.state());
  }

  /** From the menu: chooses by key, answers the check-in with five, and listens to the orientation. */
  void toPractice(char key) {
    toMenu();
    flow.key(key);
    until(s -> s.contains(Prompts.CHECK_IN));
    say("five");
    assertEquals(State.ORIENTATION, flow.state());
    stage.finishSaying();
    assertEquals(State.PRACTICE, flow.state());
  }

  /** The practice playing has finished, and the device asks how calm the person feels. */
  void practiceCompletes() {
    stage.finishPractice();
    assertEquals(State.CHECK_IN, flow.state());
    stage.finishSaying();
  }
}
