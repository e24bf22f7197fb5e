package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Levels;

/** Sounds the device adds while a practice plays: spoken help (it pauses, speaks, carries on) and the soft "heard". */
class StreamOverlayTest {
  @TempDir
  Path dir;

  private TimelineStream stream() throws Exception {
    Practice p = Scripts.practice(dir, "words", "  - say: Some words to start.\n  - pause: 3s\n"
        + "  - say: And some words to end with.\n");
    return new TimelineStream(new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).build(p, (d, n) -> { }));
  }

  private static byte[] read(TimelineStream s, double seconds) {
    byte[] b = new byte[(int) (2 * seconds * Pcm.RATE_HZ)];
    int got = 0;
    while (got < b.length) {
      got += s.read(b, got, b.length - got);
    }
    return b;
  }

  @Test
  void helpIsSpokenInAPauseAndThePracticeCarriesOnWhereItWas() throws Exception {
    TimelineStream s = stream();
    read(s, 0.5);
    Pcm help = new FakeSpeaker().speak("You can say stop.");
    s.interject(help);
    read(s, 0.15);
    long held = s.position();
    read(s, help.duration().toMillis() / 1000.0 - 0.1);
    assertEquals(held, s.position(), "the practice waits while help is spoken");
    read(s, 0.3);
    assertFalse(s.paused(), "it carries on by itself after the help");
    assertTrue(s.position() > held);
  }

  @Test
  void helpWhileTheListenerHasPausedLeavesItPaused() throws Exception {
    TimelineStream s = stream();
    read(s, 0.5);
    s.pause();
    read(s, 0.2);
    s.interject(new FakeSpeaker().speak("Stop."));
    read(s, 2);
    assertTrue(s.paused());
  }

  @Test
  void theHeardYouSoundPlaysOverTheTimelineAndIsShortAndSoft() throws Exception {
    Pcm ack = Chime.acknowledgement(-24);
    assertTrue(ack.duration().toMillis() <= 200);
    assertEquals(-24, Levels.toDb(Levels.peak(ack.samples(), 0, ack.length())), 0.1);
    TimelineStream s = stream();
    read(s, 2.5);
    long before = s.position();
    s.playNow(ack);
    float[] out = Audio.decode(read(s, 0.2));
    assertTrue(Audio.peak(out, 0, out.length) > 0.03, "heard during the pause step");
    assertEquals(before + Pcm.samplesOf(java.time.Duration.ofMillis(200)), s.position(), "the timeline goes on");
  }

  @Test
  void theDeviceKnowsWhenItIsSpeaking() throws Exception {
    TimelineStream s = stream();
    read(s, 0.5);
    assertTrue(s.soundingAt(Pcm.samplesOf(java.time.Duration.ofMillis(400))), "in the first sentence");
    read(s, 3);
    long inPause = Pcm.samplesOf(java.time.Duration.ofMillis(3300));
    assertFalse(s.soundingAt(inPause), "silent during the pause");
  }
}
