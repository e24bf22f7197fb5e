package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live writer against a device that plays in simulated real time: stop latency and underruns. */
class SoundCardTimingTest {
  private static final AudioSettings AUDIO = Defaults.config().audio();

  @TempDir
  Path dir;

  private final AtomicLong now = new AtomicLong();
  private final List<String> log = new ArrayList<>();

  /** A device with a buffer that plays its queue at the real rate of the simulated clock. */
  private final class ClockedLine implements PcmLine {
    final int bufferBytes = 2 * Pcm.samplesOf(AUDIO.buffer());
    final ByteArrayOutputStream afterFlush = new ByteArrayOutputStream();
    /** Everything written, in order. */
    final ByteArrayOutputStream all = new ByteArrayOutputStream();
    /** From this time on it is gone (unplugged): it takes nothing and plays no further. */
    long goneAt = Long.MAX_VALUE;
    long writtenFrames;
    long startedAt = -1;
    long playedBeforeFlush;
    long lastUpdate;
    long framesAtFlush;
    long flushedAt = -1;

    @Override
    public synchronized int write(byte[] b, int off, int len) {
      int n = Math.min(len, available());
      writtenFrames += n / 2;
      all.write(b, off, n);
      if (flushedAt >= 0) {
        afterFlush.write(b, off, n);
      }
      return n;
    }

    /** Plays at the real rate while there is something queued; an empty device waits (an underrun). */
    @Override
    public synchronized long framesPlayed() {
      if (startedAt >= 0 && lastUpdate < goneAt) {
        long elapsed = Math.min(now.get(), goneAt) - lastUpdate;
        playedBeforeFlush = Math.min(writtenFrames, playedBeforeFlush + elapsed * Pcm.RATE_HZ / 1_000_000_000L);
      }
      lastUpdate = now.get();
      return playedBeforeFlush;
    }

    @Override
    public synchronized int available() {
      if (now.get() >= goneAt) {
        throw new IllegalStateException("device unplugged");
      }
      return (int) (bufferBytes - 2 * (writtenFrames - framesPlayed()));
    }

    @Override
    public int bufferBytes() {
      return bufferBytes;
    }

    @Override
    public synchronized void start() {
      startedAt = now.get();
      lastUpdate = now.get();
    }

    @Override
    public synchronized void flush() {
      writtenFrames = framesPlayed();
      framesAtFlush = writtenFrames;
      flushedAt = now.get();
    }

    @Override
    public void drain() { }

    @Override
    public void close() { }
  }

  private TimelineStream longPractice() throws Exception {
    Practice p = Scripts.practice(dir, "long", "  - say: " + "Breathe in slowly and let the breath go. ".repeat(6)
        + "\n");
    return new TimelineStream(new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).build(p,
        (d, n) -> { }));
  }

  @Test
  void aStopIsSilentWithinFortyMillisecondsAndOnlyFadesDown() throws Exception {
    TimelineStream stream = longPractice();
    ClockedLine line = new ClockedLine();
    long[] stopAt = {-1};
    SoundCardOut out = new SoundCardOut(() -> line, AUDIO, log::add, now::get, d -> {
      now.addAndGet(d.toNanos());
      if (stopAt[0] < 0 && now.get() >= Duration.ofSeconds(3).toNanos()) {
        stopAt[0] = now.get();
        stream.stop(Duration.ofMillis(300));
      }
    }, "clocked device");

    out.play(stream);

    assertTrue(line.flushedAt >= 0, "what was queued at the stop was thrown away");
    long heardAfterStop = line.writtenFrames - line.framesAtFlush;
    assertTrue(heardAfterStop > 0, "the hush fade was played");
    assertTrue(heardAfterStop <= Pcm.samplesOf(SoundCardOut.HUSH), heardAfterStop + " frames after the stop");
    long silentAt = line.flushedAt + heardAfterStop * 1_000_000_000L / Pcm.RATE_HZ;
    assertTrue(Duration.ofNanos(silentAt - stopAt[0]).toMillis() <= 50,
        "silent " + Duration.ofNanos(silentAt - stopAt[0]).toMillis() + " ms after the stop");
    byte[] tail = line.afterFlush.toByteArray();
    double previousPeak = Double.MAX_VALUE;
    for (int block = 0; block + 96 <= tail.length / 2; block += 96) {
      double peak = 0;
      for (int i = block; i < block + 96; i++) {
        peak = Math.max(peak, Math.abs((short) ((tail[2 * i] & 0xff) | (tail[2 * i + 1] << 8))));
      }
      assertTrue(peak <= previousPeak * 1.05 + 40, "the hush only fades down");
      previousPeak = peak;
    }
  }

  @Test
  void aStalledAudioThreadIsSeenAsAnUnderrunReportedEachTime() throws Exception {
    TimelineStream stream = longPractice();
    ClockedLine line = new ClockedLine();
    List<Duration> gaps = new ArrayList<>();
    int[] waits = {0};
    SoundCardOut out = new SoundCardOut(() -> line, AUDIO, log::add, now::get, d -> {
      now.addAndGet(d.toNanos());
      if (++waits[0] == 100 || waits[0] == 300) {
        now.addAndGet(Duration.ofSeconds(1).toNanos());
      }
    }, "clocked device").events(new PlaybackEvents() {
      @Override
      public void lost(String cause) { }

      @Override
      public void back(Duration after) { }

      @Override
      public void underrun(Duration gap) {
        gaps.add(gap);
      }
    });

    out.play(stream);

    assertEquals(2, gaps.size(), "two stalls, two underruns: " + gaps);
    for (Duration gap : gaps) {
      assertTrue(gap.toMillis() >= 400 && gap.toMillis() <= 600, "a 1 s stall less the 500 ms buffer: gap " + gap.toMillis() + " ms");
    }
    assertEquals(List.of(), log, "underruns are reported as events; the live session logs the first");
    assertEquals(2, out.underruns());
  }

  @Test
  void aDeviceThatComesBackFirstPlaysWhatTheListenerNeverHeard() throws Exception {
    TimelineStream stream = longPractice();
    long length = stream.length();
    ClockedLine first = new ClockedLine();
    first.goneAt = Duration.ofSeconds(2).toNanos();
    ClockedLine second = new ClockedLine();
    List<ClockedLine> lines = new ArrayList<>(List.of(first, second));
    SoundCardOut out = new SoundCardOut(() -> lines.remove(0), AUDIO, log::add, now::get,
        d -> now.addAndGet(d.toNanos()), "clocked device");

    out.play(stream);

    long heardBefore = first.playedBeforeFlush;
    long queuedInTheLostDevice = first.writtenFrames - heardBefore;
    assertTrue(queuedInTheLostDevice > Pcm.samplesOf(Duration.ofMillis(300)), "the lost device held unheard audio: "
        + queuedInTheLostDevice + " frames");
    assertEquals(length, heardBefore + second.writtenFrames, "everything is heard once: what the first device played, "
        + "then the rest from where it stopped");
    byte[] before = first.all.toByteArray();
    byte[] after = second.all.toByteArray();
    int fadeIn = 2 * Pcm.samplesOf(Duration.ofMillis(20));
    for (int i = fadeIn; i < 2 * queuedInTheLostDevice; i++) {
      assertEquals(before[(int) (2 * heardBefore) + i], after[i], "byte " + i + " of what is played again");
    }
    assertEquals(length, out.framesHeard(), "the audio clock counts each frame heard once");
  }

  @Test
  void aBusyButPunctualWriterHasNoUnderrun() throws Exception {
    TimelineStream stream = longPractice();
    ClockedLine line = new ClockedLine();
    SoundCardOut out = new SoundCardOut(() -> line, AUDIO, log::add, now::get, d -> now.addAndGet(d.toNanos()),
        "clocked device");

    out.play(stream);

    assertEquals(0, out.underruns(), log::toString);
    assertEquals(List.of(), log);
  }
}
