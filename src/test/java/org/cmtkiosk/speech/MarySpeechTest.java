package org.cmtkiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.RealVoice;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.text.Sentences;

/** Measures real MaryTTS output: pace, pauses and loudness as a listener meets them. */
class MarySpeechTest {
  private static final String PASSAGE = """
      Now, if you like, let your face soften. You might let the corners of your mouth lift, just a little.
      Notice the weight of your body, held by the chair. There is nothing you need to get right.

      Notice your feet on the floor, and the floor holding you up. Let the ground take your weight.
      """;

  @TempDir
  Path dir;

  private Timeline passage() throws Exception {
    Practice p = Scripts.practice(dir, "passage", "  - say: |\n" + PASSAGE.indent(6));
    return new TimelineBuilder(RealVoice.speaker(), RealVoice.CONFIG.layout()).build(p, (d, n) -> { });
  }

  @Test
  void guidanceIsSpokenAtACalmPaceOf110To130WordsPerMinute() throws Exception {
    Timeline t = passage();
    double spokenSeconds = t.duration().toMillis() / 1000.0
        - RealVoice.CONFIG.speech().paragraphPause().toMillis() / 1000.0;
    double wordsPerMinute = Sentences.words(PASSAGE) / spokenSeconds * 60;
    assertTrue(wordsPerMinute >= 110 && wordsPerMinute <= 130, "pace was " + wordsPerMinute + " words/minute");
  }

  @Test
  void sentencesAreSeparatedBySilencesAtLeastAsLongAsConfigured() throws Exception {
    float[] audio = Audio.render(passage());
    List<Integer> gapsMs = silences(audio, 250);
    long sentenceGaps = gapsMs.stream().filter(g -> g >= RealVoice.CONFIG.speech().sentencePause().toMillis())
        .count();
    assertEquals(5, sentenceGaps, "a gap between each two of the 6 sentences: " + gapsMs);
    assertTrue(gapsMs.stream().anyMatch(g -> g >= RealVoice.CONFIG.speech().paragraphPause().toMillis()),
        "a paragraph pause: " + gapsMs);
    long commaGaps = gapsMs.stream().filter(g -> g >= 250 && g < 800).count();
    assertTrue(commaGaps >= 4, "short breaks at (most of) the 5 commas: " + gapsMs);
  }

  @Test
  void everySentenceHasTheSameLoudnessAndPeaksStayUnderMinusOneDbfs() throws Exception {
    var speaker = RealVoice.speaker();
    List<Double> levels = new ArrayList<>();
    for (String s : Sentences.of(PASSAGE)) {
      Pcm pcm = speaker.speak(s);
      levels.add(Levels.toDb(Levels.activeRms(pcm.samples())));
      assertTrue(Levels.toDb(Levels.peak(pcm.samples(), 0, pcm.length())) <= -1.0, "peak of: " + s);
    }
    double target = RealVoice.CONFIG.speech().levelDbfs();
    for (double level : levels) {
      assertTrue(level <= target + 0.3 && level >= target - 3, "sentence levels " + levels);
    }
    double spread = levels.stream().mapToDouble(d -> d).max().orElseThrow()
        - levels.stream().mapToDouble(d -> d).min().orElseThrow();
    assertTrue(spread <= 3, "sentence levels " + levels);
  }

  /** Lengths in ms of stretches quieter than −50 dBFS lasting at least {@code minMs}, between sounds. */
  static List<Integer> silences(float[] audio, int minMs) {
    double[] env = Audio.envelopePerMs(audio, 0, audio.length);
    double quiet = Levels.toGain(-50);
    List<Integer> gaps = new ArrayList<>();
    int run = 0;
    boolean heardSound = false;
    for (double v : env) {
      if (v < quiet) {
        run++;
      } else {
        if (heardSound && run >= minMs) {
          gaps.add(run);
        }
        heardSound = true;
        run = 0;
      }
    }
    return gaps;
  }
}
