package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.PlayedSpeech;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop silences the device at once even at the edges of a prompt: while the prompt is still being synthesised,
 * and — for the own-speech check — what the hushed prompt was due to say no longer hides a person's "stop".
 */
class LiveSessionStopTest {
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
