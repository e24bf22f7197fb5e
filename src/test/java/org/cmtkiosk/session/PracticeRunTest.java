package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.Audio;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeRunTest {
  @TempDir
  Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
  private Practice practice;
  private Timeline timeline;

  @BeforeEach
  void layout() throws Exception {
    practice = Scripts.practice(dir, "breathing-test", """
          - say: Let us begin.
          - breathe:
              start: {inhale: 3s, hold: 1s, exhale: 3s}
              target: {inhale: 5s, exhale: 5s}
              glide: 4
              breaths: 6
          - say: Thank you.
        """);
    timeline = new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).build(practice, (d, n) -> { });
  }

  /** An output that consumes the stream as fast as possible, optionally asking the run to stop part way. */
  private static AudioOut sink(PracticeRun[] run, Duration stopAfter) {
    return new AudioOut() {
      @Override
      public void play(TimelineStream stream) throws IOException {
        byte[] buffer = new byte[4800];
        long stopAt = 2L * org.cmtkiosk.pcm.Pcm.samplesOf(stopAfter);
        long read = 0;
        int n;
        while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
          read += n;
          if (read >= stopAt && !stream.stopped()) {
            run[0].stop();
          }
        }
      }

      @Override
      public long framesHeard() {
        return 0;
      }

      @Override
      public String describe() {
        return "test sink";
      }
    };
  }

  @Test
  void completedPracticeIsJournalledWithTheBreathingUsed() throws Exception {
    PracticeRun[] run = {new PracticeRun(practice, timeline)};
    PracticeRun.Result result = run[0].run(sink(run, Duration.ofHours(1)));

    assertEquals(Outcome.COMPLETED, result.done().outcome());
    assertEquals("breathing-test", result.done().practiceId());
    assertEquals(practice.version(), result.done().scriptVersion());
    assertEquals(List.of("3-1-3-0", "5-0-5-0"), result.done().breathing());
    assertEquals(6.0, result.breathsPerMinute().get(5), 1e-9);
    assertTrue(run[0].awaitFinished(Duration.ZERO));
    SessionLog log = new SessionLog(clock);
    log.practice(result);
    SessionRecord record = log.record(clock);
    assertEquals(6.0, record.slowestPerMinute(), 1e-9);
    assertEquals(60.0 / 7, record.fastestPerMinute(), 1e-9);
  }

  @Test
  void stoppingEarlyIsJournalledAsStoppedWithOnlyTheBreathingReached() throws Exception {
    PracticeRun[] run = {new PracticeRun(practice, timeline)};
    long secondBreath = timeline.marks().stream().filter(m -> m.label().startsWith("breath 2 ")).findFirst()
        .orElseThrow().start();
    Duration stopAt = org.cmtkiosk.pcm.Pcm.timeOf(secondBreath + 100);

    PracticeRun.Result result = run[0].run(sink(run, stopAt));

    assertEquals(Outcome.STOPPED_EARLY, result.done().outcome());
    assertEquals(List.of("3-1-3-0", "3.5-0.8-3.5-0"), result.done().breathing());
  }

  @Test
  void aFailingOutputIsReportedAsAnErrorNotThrown() {
    PracticeRun run = new PracticeRun(practice, timeline);
    AudioOut broken = new AudioOut() {
      @Override
      public void play(TimelineStream stream) throws IOException {
        throw new IOException("device unplugged");
      }

      @Override
      public long framesHeard() {
        return 0;
      }

      @Override
      public String describe() {
        return "broken";
      }
    };
    PracticeRun.Result result = run.run(broken);
    assertEquals(Outcome.ERROR, result.done().outcome());
    assertEquals("device unplugged", result.failure().orElseThrow().getMessage());
  }

  @Test
  void stoppingForGroundingIsRecordedAsSuch() throws Exception {
    PracticeRun[] run = {new PracticeRun(practice, timeline)};
    AudioOut out = new AudioOut() {
      @Override
      public void play(TimelineStream stream) {
        stream.read(new byte[9600], 0, 9600);
        run[0].stopForGrounding();
        Audio.bytesOf(stream);
      }

      @Override
      public long framesHeard() {
        return 0;
      }

      @Override
      public String describe() {
        return "test";
      }
    };
    assertEquals(Outcome.GROUNDING_OFFERED, run[0].run(out).done().outcome());
  }

  @Test
  void stoppedAudioEndsSilently() throws Exception {
    TimelineStream stream = new TimelineStream(timeline);
    stream.read(new byte[48_000]);
    stream.stop(PracticeRun.STOP_FADE);
    float[] tail = Audio.decode(Audio.bytes(stream));
    assertTrue(tail.length <= org.cmtkiosk.pcm.Pcm.samplesOf(PracticeRun.STOP_FADE));
  }
}
