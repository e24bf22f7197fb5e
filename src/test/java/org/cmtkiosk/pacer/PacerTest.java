package org.cmtkiosk.pacer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.audio.Mark;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.RecordingIndicator;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.testing.SimulatedPlayback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.audio.PlaybackLight;

/** The LED driven from the audio clock, on a simulated clock: minutes of practice in milliseconds. */
class PacerTest {
  private static final Duration TICK = Duration.ofMillis(10);
  private static final PaceLimits LIMITS = new PaceLimits(4, 8, Duration.ofSeconds(1), 3);

  @TempDir
  Path dir;

  /** One LED sample: when (ms of audio heard) and what level was shown. */
  record Sample(long ms, double level) {}

  private Timeline breathing(String block, boolean live) throws Exception {
    Practice p = Scripts.practice(dir, "block", "  - pause: 1s\n  - breathe:\n" + block.indent(6));
    TimelineBuilder builder = new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout());
    return live ? builder.buildLive(p, (d, n) -> { }, LIMITS) : builder.build(p, (d, n) -> { });
  }

  /** Plays {@code stream} to the end, sampling the LED every 10 ms of audio; {@code atMs} may act on the stream. */
  private List<Sample> play(TimelineStream stream, java.util.function.LongConsumer atMs) {
    SimulatedPlayback playback = new SimulatedPlayback(stream, Duration.ofMillis(150));
    RecordingIndicator led = new RecordingIndicator();
    PacerLoop loop = new PacerLoop(led, new PlaybackLight(stream, playback::framesHeard), System::nanoTime);
    List<Sample> samples = new ArrayList<>();
    for (long ms = 0; !playback.ended(); ms += TICK.toMillis()) {
      atMs.accept(ms);
      playback.advance(TICK);
      loop.tick();
      samples.add(new Sample(playback.framesHeard() * 1000 / Pcm.RATE_HZ, led.last()));
    }
    return samples;
  }

  @Test
  void ledRisesOverTheInhaleHoldsAtTheTopFallsOverTheExhaleWithBoundariesWithin10ms() throws Exception {
    Timeline t = breathing("start: {inhale: 3s, hold: 1s, exhale: 3s, rest: 1s}\nbreaths: 4\n", false);
    List<Sample> samples = play(new TimelineStream(t), ms -> { });
    for (Mark m : t.marks()) {
      long from = m.start() * 1000 / Pcm.RATE_HZ;
      long to = m.end() * 1000 / Pcm.RATE_HZ;
      List<Sample> inside = samples.stream().filter(s -> s.ms() > from && s.ms() < to).toList();
      switch (m.kind()) {
        case INHALE -> assertMonotonic(inside, +1, m);
        case EXHALE -> assertMonotonic(inside, -1, m);
        case HOLD -> inside.forEach(s -> assertEquals(1.0, s.level(), 1e-9, "flat at the top in " + m));
        case REST -> inside.forEach(s -> assertEquals(0.0, s.level(), 1e-9, "low in " + m));
        default -> { }
      }
      if (m.kind() == Mark.Kind.HOLD) {
        long firstTop = samples.stream().filter(s -> s.ms() > from - 100 && s.level() == 1.0).findFirst()
            .orElseThrow().ms();
        assertEquals(from, firstTop, 10, "hold starts (top reached) at " + m);
        long lastTop = samples.stream().filter(s -> s.ms() < to + 100 && s.level() == 1.0)
            .reduce((a, b) -> b).orElseThrow().ms();
        assertEquals(to, lastTop, 10, "exhale starts (top left) at " + m);
      }
    }
  }

  @Test
  void aTwentyMinuteBlockEndsWithin10msOfItsScheduledEnd() throws Exception {
    Timeline t = breathing("start: {inhale: 5s, exhale: 5s, rest: 1s}\nfor: 20m\n", false);
    Mark block = t.marks().stream().filter(m -> m.kind() == Mark.Kind.BREATHE).findFirst().orElseThrow();
    Mark lastExhale = t.marks().stream().filter(m -> m.kind() == Mark.Kind.EXHALE).reduce((a, b) -> b).orElseThrow();
    List<Sample> samples = play(new TimelineStream(t), ms -> { });

    long scheduledEnd = lastExhale.end() * 1000 / Pcm.RATE_HZ;
    long lastAboveZero = samples.stream().filter(s -> s.level() > 0 && s.level() < 1).reduce((a, b) -> b)
        .orElseThrow().ms();
    assertEquals(scheduledEnd, lastAboveZero, 10, "the last exhale ends on time after 20 minutes");
    assertTrue(block.end() - block.start() >= Pcm.samplesOf(Duration.ofMinutes(19)), "a long block");
    assertEquals(block.end() * 1000 / Pcm.RATE_HZ, Pcm.timeOf(t.length()).toMillis(), 1);
  }

  @Test
  void slowerTakesEffectAtTheNextBreathAndStopsAtTheClinicianBound() throws Exception {
    Timeline t = breathing("start: {inhale: 5s, exhale: 5s}\nbreaths: 12\n", true);
    TimelineStream stream = new TimelineStream(t);
    List<BreathPattern> aims = new ArrayList<>();
    play(stream, ms -> {
      if (ms == 13_000 || (ms > 13_000 && ms % 8000 == 0 && ms < 80_000)) {
        stream.changePace(+1).ifPresent(aims::add);
      }
    });
    List<BreathPattern> breaths = stream.breathsBegun();
    assertEquals(BreathPattern.ofSeconds(5, 0, 5, 0), breaths.get(0));
    assertEquals(BreathPattern.ofSeconds(5, 0, 5, 0), breaths.get(1), "the breath under way is not changed");
    assertTrue(breaths.get(2).cycle().compareTo(breaths.get(1).cycle()) > 0, "the next breath is already slower");
    assertEquals(Duration.ofSeconds(15), aims.get(aims.size() - 1).cycle(),
        "never slower than 4 breaths a minute, however often 'slower' is said: " + aims);
    assertTrue(breaths.stream().allMatch(b -> b.breathsPerMinute() >= 4 - 1e-9), breaths::toString);
  }

  @Test
  void fasterIsClampedToTheFastestPace() throws Exception {
    Timeline t = breathing("start: {inhale: 4s, exhale: 4s}\nbreaths: 10\n", true);
    TimelineStream stream = new TimelineStream(t);
    List<BreathPattern> aims = new ArrayList<>();
    play(stream, ms -> {
      if (ms % 5000 == 0 && ms > 0) {
        stream.changePace(-1).ifPresent(aims::add);
      }
    });
    assertTrue(stream.breathsBegun().stream().allMatch(b -> b.breathsPerMinute() <= 8 + 1e-9));
    assertEquals(Duration.ofMillis(7500), aims.get(aims.size() - 1).cycle(), "never faster than 8 a minute");
  }

  @Test
  void toneAndLedPhaseBoundariesCoincideWithin20ms() throws Exception {
    Timeline t = breathing("start: {inhale: 3s, hold: 1s, exhale: 4s, rest: 1s}\nbreaths: 3\n", false);
    List<Sample> led = play(new TimelineStream(t), ms -> { });
    float[] audio = Audio.render(t);
    double[] tone = Audio.envelopePerMs(audio, 0, audio.length);
    double peak = java.util.Arrays.stream(tone).max().orElseThrow();
    for (Mark m : t.marks()) {
      if (m.kind() != Mark.Kind.INHALE && m.kind() != Mark.Kind.EXHALE) {
        continue;
      }
      long from = m.start() * 1000 / Pcm.RATE_HZ;
      boolean up = m.kind() == Mark.Kind.INHALE;
      long ledHalf = led.stream().filter(s -> s.ms() >= from && (up ? s.level() >= 0.5 : s.level() <= 0.5))
          .findFirst().orElseThrow().ms();
      int toneHalf = (int) from;
      while (up ? tone[toneHalf] < peak / 2 : tone[toneHalf] > peak / 2) {
        toneHalf++;
      }
      assertEquals(toneHalf, ledHalf, 20, "half-way point of " + m);
    }
    assertTrue(Levels.toDb(peak) < -25, "the tone stays soft");
  }

  @Test
  void pausedAudioHoldsTheLedAndResumeCarriesOn() throws Exception {
    Timeline t = breathing("start: {inhale: 4s, exhale: 4s}\nbreaths: 2\n", false);
    TimelineStream stream = new TimelineStream(t);
    List<Sample> samples = play(stream, ms -> {
      if (ms == 3000) {
        stream.pause();
      } else if (ms == 8000) {
        stream.resume();
      }
    });
    double held = samples.stream().filter(s -> s.ms() == 6000).findFirst().orElseThrow().level();
    double later = samples.stream().filter(s -> s.ms() == 7500).findFirst().orElseThrow().level();
    assertEquals(held, later, 1e-9, "nothing moves while paused");
    assertTrue(held > 0.5 && held < 1, "held part-way up the inhale: " + held);
    assertTrue(samples.get(samples.size() - 1).ms() >= 16_000 + 5000 - 200, "the pause added its time");
  }

  private static void assertMonotonic(List<Sample> inside, int direction, Mark m) {
    for (int i = 1; i < inside.size(); i++) {
      assertTrue(direction * (inside.get(i).level() - inside.get(i - 1).level()) >= 0, "steady in " + m);
    }
    assertTrue(direction * (inside.get(inside.size() - 1).level() - inside.get(0).level()) > 0.8, "moves in " + m);
  }
}
