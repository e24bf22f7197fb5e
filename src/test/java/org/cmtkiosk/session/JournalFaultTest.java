package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.JournalSessions;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.RecordedSession;
import org.cmtkiosk.journal.Source;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal that cannot be written (a full disk, a broken file) never stops a kiosk session. */
class JournalFaultTest {
  private static final KioskSettings SETTINGS = KioskFixture.settings(new KioskSettings.Offer(List.of("grounding"),
      "grounding", false, java.time.Duration.ofMinutes(10)));
  private static final Offering OFFERING = Offering.of(KioskFixture.LIBRARY.practices(), SETTINGS.offer());

  @TempDir
  Path dir;

  @Test
  void aKioskSessionIsJournalledWhenItStartsSoACrashLeavesItInterrupted() throws Exception {
    List<String> log = new ArrayList<>();
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    RecordingStage stage = new RecordingStage(KioskFixture.CONFIG);
    KioskFlow flow = new KioskFlow(SETTINGS, OFFERING, null, null,
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("grounding")), stage,
        new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), journal);

    flow.command(Command.START);
    // The power goes here.

    List<String> problems = new ArrayList<>();
    try (JournalSessions read = JournalSessions.open(journal.file(), problems::add)) {
      RecordedSession session = read.next();
      assertTrue(session.interrupted());
      assertEquals(Instant.parse("2026-11-23T10:00:00Z"), session.session().start());
      assertEquals("kiosk", session.session().source());
    }
    assertEquals(List.of(), problems);
    assertEquals(List.of(), log);
  }

  @Test
  void soundLostAndBackDuringAVisitIsJournalledWithIt() throws Exception {
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.KIOSK, s -> { });
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    RecordingStage stage = new RecordingStage(KioskFixture.CONFIG, false);
    KioskFlow flow = new KioskFlow(SETTINGS, OFFERING, null, null,
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("grounding")), stage, clock, journal);
    flow.command(Command.START);
    flow.soundLost();
    clock.advance(java.time.Duration.ofSeconds(12));
    flow.soundBack();
    flow.underrun();
    flow.command(Command.STOP);
    stage.finishSaying();

    try (JournalSessions read = JournalSessions.open(journal.file(), s -> { })) {
      var session = read.next().session();
      assertEquals(12.0, session.soundLostSeconds(), 0.01);
      assertEquals(1, session.underruns());
    }
  }

  @Test
  void aSessionWhoseRecordsCannotBeWrittenStillEndsAndItIsSaidOnce() throws Exception {
    List<String> log = new ArrayList<>();
    JsonLinesJournal journal = JsonLinesJournal.open(dir, Source.KIOSK, log::add);
    Files.createDirectory(journal.file());
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    RecordingStage stage = new RecordingStage(KioskFixture.CONFIG);
    KioskFlow flow = new KioskFlow(SETTINGS, OFFERING, null, null,
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("grounding")), stage, clock, journal);

    flow.command(Command.START);
    stage.finishSaying();
    flow.heard(new Heard.PracticeHeard("grounding"));
    stage.finishSaying();
    flow.command(Command.SKIP);
    stage.finishSaying();
    stage.finishPractice();
    stage.finishSaying();
    flow.command(Command.SKIP);
    stage.finishSaying();

    assertEquals(KioskFlow.State.IDLE, flow.state(), "the session ended normally");
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("cannot write " + journal.file() + " (it is not a plain file"), log::toString);
    assertEquals(3, journal.waiting(), "its start, the practice begun and its end wait to be written");
  }
}
