package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioSystem;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.pcm.Pcm;

class WavFileOutTest {
  @TempDir
  Path dir;

  @Test
  void aStoppedRenderLeavesAValidShorterWav() throws Exception {
    Practice p = Scripts.practice(dir, "long", "  - pause: 10s\n  - say: The end.\n");
    Timeline t = new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).build(p, (d, n) -> { });
    TimelineStream stream = new TimelineStream(t);
    stream.onBlock(position -> {
      if (position >= Pcm.RATE_HZ && !stream.stopped()) {
        stream.stop(Duration.ofMillis(300));
      }
    });
    Path file = dir.resolve("stopped.wav");
    new WavFileOut(file).play(stream);

    long frames = AudioSystem.getAudioInputStream(file.toFile()).getFrameLength();
    assertEquals(stream.position(), frames);
    assertEquals(frames * 2, AudioSystem.getAudioInputStream(file.toFile()).readAllBytes().length);
  }
}
