package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands applied to a playing practice: what a listener hears change, and the bounds that hold. */
class PracticeControlsTest {
  @TempDir
  Path dir;

  private PracticeRun run;
  private PracticeControls controls;
  private TimelineStream stream;

  @BeforeEach
  void start() throws Exception {
    Practice p = Scripts.practice(dir, "hum", """
          - say: A long steady sentence to listen to while the controls change things.
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s}
              breaths: 2
        """);
    Timeline t = new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout())
        .buildLive(p, (d, n) -> { }, Defaults.config().pace());
    run = new PracticeRun(p, t);
    controls = new PracticeControls(run, Defaults.config().audio());
    stream = run.stream();
  }

  private float[] read(double seconds) {
    byte[] bytes = new byte[(int) (2 * seconds * Pcm.RATE_HZ)];
    int got = 0;
    while (got < bytes.length) {
      got += stream.read(bytes, got, bytes.length - got);
    }
    return Audio.decode(bytes);
  }

  @Test
  void louderRampsUpWithinAboutATenthOfASecondWithoutClicksAndStopsAtTheBound() {
    float[] before = read(0.5);
    assertEquals("volume +3 dB", controls.handle(Command.LOUDER).orElseThrow());
    float[] after = read(0.5);
    assertTrue(Audio.largestStep(after, 0, after.length) < 0.06, "no click while the volume moves");
    double gain = Audio.peak(after, Pcm.RATE_HZ / 5, after.length) / Audio.peak(before, 0, before.length);
    assertEquals(3.0, Levels.toDb(gain), 0.3);
    for (int i = 0; i < 5; i++) {
      controls.handle(Command.LOUDER);
    }
    assertEquals(6.0, stream.volumeDb(), "never louder than audio.loudest_db");
    for (int i = 0; i < 20; i++) {
      controls.handle(Command.QUIETER);
    }
    assertEquals(-18.0, stream.volumeDb(), "never quieter than audio.quietest_db");
  }

  @Test
  void pauseFadesOutHoldsThePositionAndResumeCarriesOn() {
    read(0.5);
    controls.handle(Command.PAUSE_OR_RESUME);
    float[] fading = read(0.15);
    long held = stream.position();
    float[] silent = read(1.0);
    assertEquals(held, stream.position(), "nothing moves while paused");
    assertEquals(0.0, Audio.peak(silent, 0, silent.length));
    assertTrue(Audio.largestStep(fading, 0, fading.length) < 0.06);
    assertEquals("resumed", controls.handle(Command.PAUSE_OR_RESUME).orElseThrow());
    read(0.5);
    assertTrue(stream.position() > held);
  }

  @Test
  void stopEndsTheRunWithAFade() {
    read(0.5);
    controls.handle(Command.STOP);
    float[] rest = Audio.decode(Audio.bytesOf(stream));
    assertTrue(rest.length <= Pcm.samplesOf(PracticeRun.STOP_FADE));
  }

  @Test
  void toneCanBeSwitchedOff() throws Exception {
    assertEquals("tone off", controls.handle(Command.TONE).orElseThrow());
    float[] all = Audio.decode(Audio.bytesOf(stream));
    double speechEnd = 0;
    for (int i = all.length - 1; i >= 0; i--) {
      if (all[i] != 0) {
        speechEnd = i;
        break;
      }
    }
    assertTrue(speechEnd < all.length - Pcm.RATE_HZ * 10, "the breathing block is silent without its tone");
  }

  @Test
  void slowerOutsideABreathingBlockIsKeptForTheNextOne() {
    assertEquals("pace noted for the next breathing", controls.handle(Command.SLOWER).orElseThrow());
    Audio.bytesOf(stream);
    assertTrue(stream.breathsBegun().get(0).cycle().toMillis() > 7000, stream.breathsBegun()::toString);
  }
}
