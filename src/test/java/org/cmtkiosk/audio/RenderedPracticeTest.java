package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.SpeechCache;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.RealVoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Levels;

/** The shipped soothing-rhythm-breathing practice, rendered with the real voice. */
class RenderedPracticeTest {
  private static Practice practice;
  private static Timeline timeline;
  private static float[] audio;

  @BeforeAll
  static void render() throws Exception {
    practice = Library.load(Path.of("scripts")).find("soothing-rhythm-breathing").orElseThrow();
    timeline = new TimelineBuilder(RealVoice.speaker(), RealVoice.CONFIG.layout()).build(practice, (d, n) -> { });
    audio = Audio.render(timeline);
  }

  @Test
  void lastsFiveToEightMinutesAndWithin2PercentOfTheEstimateMadeWithoutSynthesis(@TempDir Path emptyCache) {
    Duration estimate = new Estimate(RealVoice.CONFIG.layout(), new SpeechCache(emptyCache, "none")).of(practice);
    double ratio = timeline.duration().toMillis() / (double) estimate.toMillis();
    assertTrue(Math.abs(ratio - 1) <= 0.02, "rendered " + timeline.duration() + " vs estimate " + estimate);
    assertTrue(timeline.duration().compareTo(Duration.ofMinutes(5)) >= 0
        && timeline.duration().compareTo(Duration.ofMinutes(8)) <= 0, timeline.duration()::toString);
  }

  @Test
  void speechIsPresentInEverySayStepAndPausesAreSilent() {
    for (Mark m : timeline.marks()) {
      if (m.kind() == Mark.Kind.SAY) {
        assertTrue(Audio.peak(audio, m.start(), m.end()) > 0.2, "speech at " + m);
      } else if (m.kind() == Mark.Kind.PAUSE) {
        assertEquals(0.0, Audio.peak(audio, m.start(), m.end()), "silence at " + m);
      }
    }
  }

  @Test
  void peaksStayAtOrBelowMinusOneDbfsAndNothingClicks() {
    assertTrue(Levels.toDb(Audio.peak(audio, 0, audio.length)) <= -1.0);
    for (Timeline.Placed s : timeline.sounds()) {
      for (long edge : new long[] {s.start(), s.end()}) {
        assertTrue(Audio.largestStep(audio, edge - 3, edge + 3) < 0.01, "click at sample " + edge);
      }
    }
  }

  @Test
  void writesA16BitMonoWav(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("practice.wav");
    new WavFileOut(file).play(new TimelineStream(timeline));
    AudioFormat f = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
    assertEquals(16, f.getSampleSizeInBits());
    assertEquals(1, f.getChannels());
    assertEquals(Pcm.RATE_HZ, f.getSampleRate());
    assertEquals(timeline.length(), AudioSystem.getAudioInputStream(file.toFile()).getFrameLength());
  }
}
