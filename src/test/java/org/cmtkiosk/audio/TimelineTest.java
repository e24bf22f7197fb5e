package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Levels;

class TimelineTest {
  private static final KioskConfig CONFIG = Defaults.config();

  @TempDir
  Path dir;

  private Timeline layout(Practice p) throws Exception {
    return new TimelineBuilder(new FakeSpeaker(), CONFIG.layout()).build(p, (d, n) -> { });
  }

  @Test
  void speechIsWhereSayStepsAreAndPausesAreSilent() throws Exception {
    Practice p = Scripts.practice(dir, "talk", "  - say: One sentence. Another one.\n  - pause: 4s\n"
        + "  - say: Last words.\n");
    Timeline t = layout(p);
    float[] audio = Audio.render(t);
    List<Mark> steps = t.marks();

    assertEquals(List.of(Mark.Kind.SAY, Mark.Kind.PAUSE, Mark.Kind.SAY), steps.stream().map(Mark::kind).toList());
    assertTrue(Audio.peak(audio, steps.get(0).start(), steps.get(0).end()) > 0.05, "speech in the first say");
    Mark pause = steps.get(1);
    assertEquals(Pcm.samplesOf(Duration.ofSeconds(4)), pause.end() - pause.start());
    assertEquals(0.0, Audio.peak(audio, pause.start(), pause.end()), "a pause is silence");
    assertTrue(Audio.peak(audio, steps.get(2).start(), steps.get(2).end()) > 0.05, "speech in the last say");
  }

  @Test
  void sentencesAndParagraphsAreSeparatedByTheConfiguredPauses() throws Exception {
    Practice p = Scripts.practice(dir, "gaps", "  - say: |\n      Alpha. Beta.\n\n      Gamma.\n");
    Timeline t = layout(p);
    FakeSpeaker voice = new FakeSpeaker();
    long alpha = voice.speak("Alpha.").length();
    long beta = voice.speak("Beta.").length();
    long gamma = voice.speak("Gamma.").length();
    var s = CONFIG.speech();
    assertEquals(alpha + Pcm.samplesOf(s.sentencePause()), t.sounds().get(1).start());
    assertEquals(alpha + beta + Pcm.samplesOf(s.sentencePause()) + Pcm.samplesOf(s.paragraphPause()),
        t.sounds().get(2).start());
    assertEquals(t.sounds().get(2).start() + gamma + Pcm.samplesOf(s.paragraphPause()), t.length());
  }

  @Test
  void toneRisesOverEachInhaleAndFallsOverEachExhaleWithin20ms() throws Exception {
    Practice p = Scripts.practice(dir, "tone", """
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s, rest: 1s}
              target: {inhale: 5s, exhale: 5s}
              glide: 3
              breaths: 5
        """);
    Timeline t = layout(p);
    float[] audio = Audio.render(t);
    double[] env = Audio.envelopePerMs(audio, 0, audio.length);
    double peak = java.util.Arrays.stream(env).max().orElseThrow();
    assertEquals(CONFIG.tone().levelDbfs(), Levels.toDb(peak), 0.5, "tone peak level");

    List<Mark> inhales = t.marks().stream().filter(m -> m.kind() == Mark.Kind.INHALE).toList();
    List<Mark> exhales = t.marks().stream().filter(m -> m.kind() == Mark.Kind.EXHALE).toList();
    assertEquals(5, inhales.size());
    for (int i = 0; i < 5; i++) {
      Mark in = inhales.get(i);
      Mark out = exhales.get(i);
      // Half loudness is reached exactly mid-way through the inhale (rising) and the exhale (falling).
      assertNear(msOf((in.start() + in.end()) / 2), crossing(env, peak / 2, msOf(in.start()), true), "inhale " + i);
      assertNear(msOf((out.start() + out.end()) / 2), crossing(env, peak / 2, msOf(out.start()), false),
          "exhale " + i);
      // 10 % to 90 % of the smooth curve takes 59 % of the phase: the rise lasts as long as the inhale.
      double rise = crossing(env, 0.9 * peak, msOf(in.start()), true) - crossing(env, 0.1 * peak, msOf(in.start()),
          true);
      assertNear(0.59 * msOf(in.end() - in.start()), rise, "rise time of inhale " + i);
      double fall = crossing(env, 0.1 * peak, msOf(out.start()), false) - crossing(env, 0.9 * peak,
          msOf(out.start()), false);
      assertNear(0.59 * msOf(out.end() - out.start()), fall, "fall time of exhale " + i);
    }
    Mark hold = t.marks().stream().filter(m -> m.kind() == Mark.Kind.HOLD).findFirst().orElseThrow();
    for (int ms = msOf(hold.start()) + 20; ms < msOf(hold.end()) - 20; ms++) {
      assertEquals(peak, env[ms], 0.03 * peak, "flat during the hold at " + ms + " ms");
    }
    Mark rest = t.marks().stream().filter(m -> m.kind() == Mark.Kind.REST).findFirst().orElseThrow();
    assertTrue(Audio.peak(audio, rest.start() + 24, rest.end() - 24) < 1e-4, "silent in the rest");
  }

  @Test
  void spokenCuesStartWithTheFirstBreathsOnly() throws Exception {
    Practice p = Scripts.practice(dir, "cues", """
          - breathe:
              start: {inhale: 4s, exhale: 4s}
              breaths: 4
              cues: 2
              cue_in: in
              cue_out: out
        """);
    FakeSpeaker voice = new FakeSpeaker();
    Timeline t = new TimelineBuilder(voice, CONFIG.layout()).build(p, (d, n) -> { });
    List<Long> cueStarts = t.sounds().stream().filter(s -> s.sound() instanceof PcmSound).map(Timeline.Placed::start)
        .toList();
    long second = Pcm.samplesOf(Duration.ofSeconds(1));
    assertEquals(List.of(0L, 4 * second, 8 * second, 12 * second), cueStarts);
  }

  @Test
  void noClicksAtAnyBoundary() throws Exception {
    Practice p = Scripts.practice(dir, "edges", """
          - chime
          - say: Hello there.
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s}
              breaths: 3
              cues: 1
          - say: Goodbye.
          - chime
        """);
    Timeline t = layout(p);
    float[] audio = Audio.render(t);
    for (Timeline.Placed s : t.sounds()) {
      for (long edge : new long[] {s.start(), s.end()}) {
        assertTrue(Audio.largestStep(audio, edge - 3, edge + 3) < 0.01, "click at sample " + edge);
      }
    }
    assertTrue(Audio.largestStep(audio, 0, audio.length) < 0.06, "no sample-to-sample jump anywhere");
  }

  @Test
  void renderingTwiceGivesTheSameAudio() throws Exception {
    Practice p = Scripts.practice(dir, "same", """
          - chime
          - say: Exactly the same each time.
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s}
              target: {inhale: 5s, exhale: 5s}
              glide: 2
              breaths: 3
        """);
    assertArrayEquals(Audio.bytes(new TimelineStream(layout(p))), Audio.bytes(new TimelineStream(layout(p))));
  }

  @Test
  void stopFadesOutAndEndsWithin300ms() throws Exception {
    Practice p = Scripts.practice(dir, "long", "  - say: " + "Words go on and on. ".repeat(20) + "\n");
    TimelineStream stream = new TimelineStream(layout(p));
    byte[] buffer = new byte[2 * Pcm.RATE_HZ];
    int read = 0;
    while (read < buffer.length) {
      read += stream.read(buffer, read, buffer.length - read);
    }
    stream.stop(Duration.ofMillis(300));
    float[] tail = Audio.decode(Audio.bytes(stream));

    assertEquals(Pcm.samplesOf(Duration.ofMillis(300)), tail.length);
    assertTrue(Audio.peak(tail, tail.length - 24, tail.length) < 0.002, "silent at the very end");
    assertTrue(Audio.largestStep(tail, 0, tail.length) < 0.06);
  }

  private static int msOf(long samples) {
    return (int) (samples * 1000 / Pcm.RATE_HZ);
  }

  /** The first millisecond from {@code fromMs} where the envelope crosses {@code level} going up or down. */
  private static double crossing(double[] env, double level, int fromMs, boolean rising) {
    for (int i = Math.max(1, fromMs); i < env.length; i++) {
      if (rising ? env[i - 1] < level && env[i] >= level : env[i - 1] > level && env[i] <= level) {
        return i;
      }
    }
    throw new AssertionError("no crossing of " + level + " after " + fromMs + " ms");
  }

  private static void assertNear(double expectedMs, double actualMs, String what) {
    assertEquals(expectedMs, actualMs, 20, what + " (ms)");
  }
}
