package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.PlayedSpeech;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault the live session can meet, injected into a real session: after each, the kiosk is idle, still
 * listening, and obeys the next command. And a stop at the edges of a prompt: while it is still being synthesised,
 * and — for the own-speech check — what the hushed prompt was due to say no longer hides a person's "stop".
 */
class LiveSessionFaultTest {
  @TempDir
  Path dir;

  private LiveKiosk kiosk;

  @BeforeEach
  void kiosk() {
    kiosk = new LiveKiosk(dir);
  }

  @AfterEach
  void close() {
    kiosk.close();
  }

  /** Start, choose the default practice, skip the check-in: the practice is played. */
  private void startPractice() {
    kiosk.start();
    kiosk.input.say(Command.YES);
    kiosk.input.say(Command.SKIP);
    kiosk.await("the practice to begin", () -> kiosk.subtitles.stream()
        .anyMatch(l -> l.startsWith("note: playing")));
  }

  private SessionRecord lastRecord() {
    kiosk.await("the session to be journalled", () -> !kiosk.journal.isEmpty());
    return kiosk.journal.get(kiosk.journal.size() - 1);
  }

  private void obeysTheNextCommand() {
    kiosk.awaitIdle();
    kiosk.start();
    assertTrue(kiosk.flow.state() != KioskFlow.State.IDLE, "the next 'start' began a session");
  }

  private List<Outcome> outcomes(SessionRecord r) {
    return r.practices().stream().map(SessionRecord.PracticeDone::outcome).toList();
  }

  @Test
  void speechThatFailsOnStartEndsThePracticeAsAnErrorAndTheKioskListensOn() {
    kiosk.speechFails = true;
    startPractice();

    assertEquals(List.of(Outcome.ERROR), outcomes(lastRecord()));
    assertTrue(kiosk.log.stream().anyMatch(l -> l.startsWith("The practice calm could not be played")),
        kiosk.log::toString);
    assertTrue(kiosk.spoken().contains(Prompts.SORRY), "the apology was attempted: " + kiosk.spoken());
    kiosk.speechFails = false;
    obeysTheNextCommand();
  }

  @Test
  void aRenderThatThrowsMidPracticeEndsItAsAnError() {
    kiosk.renderFailsAfterBlocks = 20;
    startPractice();

    assertEquals(List.of(Outcome.ERROR), outcomes(lastRecord()));
    kiosk.renderFailsAfterBlocks = -1;
    obeysTheNextCommand();
  }

  @Test
  void soundLostAndNeverBackEndsThePracticeAsAnErrorWithOneLine() {
    kiosk.outputLost = true;
    startPractice();

    assertEquals(List.of(Outcome.ERROR), outcomes(lastRecord()));
    assertEquals(1, kiosk.log.stream().filter(l -> l.startsWith("Sound output failed")).count(),
        kiosk.log::toString);
    kiosk.outputLost = false;
    obeysTheNextCommand();
  }

  @Test
  void aRecogniserThatThrowsIsLoggedOnceAndListeningStartsAgain() {
    LiveKiosk.ScriptedInput voice = kiosk.input;
    InputSink first = voice.sink;
    first.failed(new IllegalStateException("the recogniser crashed (injected)"));
    first.failed(new IllegalStateException("and again"));

    kiosk.await("the voice to be opened again", () -> voice.opened.get() == 2);
    assertEquals(1, voice.closed.get(), "the broken one was closed");
    assertEquals(1, kiosk.log.stream().filter(l -> l.contains("stopped working")).count(), kiosk.log::toString);
    obeysTheNextCommand();
  }

  @Test
  void aCommandHandlerThatThrowsPutsTheFlowBackToIdleAndTheNextCommandWorks() throws Exception {
    kiosk.start();
    kiosk.session.post("a button press", () -> {
      throw new IllegalStateException("boom! (injected)");
    });

    kiosk.awaitIdle();
    assertTrue(kiosk.log.stream().anyMatch(l -> l.startsWith("Kiosk: a button press failed")), kiosk.log::toString);
    assertEquals(1, kiosk.journal.size(), "the interrupted session was still journalled");
    obeysTheNextCommand();
  }

  @Test
  void aJournalThatCannotBeWrittenDoesNotStopTheKiosk() {
    kiosk.journalFails = true;
    startPractice();
    kiosk.await("the practice to end", () -> kiosk.flow.state() == KioskFlow.State.CHECK_IN);
    kiosk.input.say(Command.SKIP);

    kiosk.awaitIdle();
    kiosk.await("the failure to be logged", () -> kiosk.log.stream().anyMatch(l -> l.contains("disk is full")));
    kiosk.journalFails = false;
    obeysTheNextCommand();
  }

  @Test
  void stopDuringAPracticeIsObeyedAndTheSessionEnds() {
    startPractice();
    kiosk.input.say(Command.STOP);

    SessionRecord r = lastRecord();
    assertTrue(List.of(Outcome.STOPPED_EARLY, Outcome.COMPLETED).contains(outcomes(r).get(0)), r::toString);
    obeysTheNextCommand();
  }

  private PlayedSpeech ownSpeech() {
    return (PlayedSpeech) kiosk.session.ownSpeech();
  }

  @Test
  void aStopWhileTheGreetingIsStillBeingSynthesisedMeansItIsNeverPlayed() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    kiosk.speechGate = gate;
    kiosk.start();
    kiosk.await("the greeting's subtitle", () -> kiosk.spoken().stream().anyMatch(s -> s.startsWith("Hello")));

    kiosk.input.say(Command.STOP);
    kiosk.session.postAndWait("the stop to be taken", () -> { }, Duration.ofSeconds(5));
    gate.countDown();
    kiosk.awaitIdle();
    kiosk.session.postAndWait("the last prompt's end", () -> { }, Duration.ofSeconds(5));

    assertFalse(ownSpeech().said("space", 0, Long.MAX_VALUE), "the greeting ('... a quiet space ...') was played "
        + "after the stop; subtitles " + kiosk.subtitles);
    assertTrue(kiosk.plays.get() <= 1, "only the goodbye may play after the stop, not the greeting: "
        + kiosk.plays.get() + " plays");
  }

  @Test
  void aHushedPromptsUnsaidWordsAreNotTakenForTheDevicesOwn() throws Exception {
    kiosk.holdPlayback = true;
    kiosk.start();
    kiosk.await("the greeting to be playing", () -> kiosk.plays.get() == 1);
    assertTrue(ownSpeech().said("space", System.nanoTime(), Long.MAX_VALUE), "the greeting is due to say 'space'");

    kiosk.input.say(Command.STOP);
    kiosk.session.postAndWait("the stop to be taken", () -> { }, Duration.ofSeconds(5));
    long afterFade = System.nanoTime() + PracticeRun.STOP_FADE.toNanos();
    kiosk.holdPlayback = false;

    assertFalse(ownSpeech().said("space", afterFade, Long.MAX_VALUE), "after the hush and its fade the greeting's "
        + "remaining words still count as the device's own, so a person's word would be ignored");
    kiosk.awaitIdle();
    assertEquals(KioskFlow.State.IDLE, kiosk.flow.state());
  }
}
