package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.pcm.Pcm;

/** Losing the sound output mid-session: a pause, one clear line, retries, and then carrying on or ending cleanly. */
class SoundCardOutTest {
  private static final AudioSettings AUDIO = Defaults.config().audio();

  @TempDir
  Path dir;

  private final List<String> log = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final List<FakeLine> lines = new ArrayList<>();
  private Timeline timeline;

  /** A line that takes everything, or throws after {@code failAfterBytes} like an unplugged USB device. */
  private final class FakeLine implements PcmLine {
    private final long failAfterBytes;
    private long bytes;
    private boolean closed;

    FakeLine(long failAfterBytes) {
      this.failAfterBytes = failAfterBytes;
    }

    @Override
    public int write(byte[] b, int off, int len) {
      if (bytes >= failAfterBytes) {
        throw new IllegalStateException("device unplugged");
      }
      bytes += len;
      return len;
    }

    @Override
    public long framesPlayed() {
      return bytes / 2;
    }

    @Override
    public void drain() { }

    @Override
    public void close() {
      closed = true;
    }
  }

  @BeforeEach
  void layout() throws Exception {
    Practice p = Scripts.practice(dir, "short", "  - say: Hello there.\n  - pause: 5s\n  - say: Goodbye.\n");
    timeline = new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).build(p, (d, n) -> { });
  }

  /** Opens lines in turn: a working one that fails after 1 s, then {@code gone} refusals, then a working one. */
  private SoundCardOut out(int gone) throws AudioUnavailableException {
    int[] opened = {0};
    PcmLine.Opener opener = () -> {
      int i = opened[0]++;
      if (i == 0) {
        return add(new FakeLine(2L * Pcm.RATE_HZ));
      }
      if (i <= gone) {
        throw new AudioUnavailableException("no device");
      }
      return add(new FakeLine(Long.MAX_VALUE));
    };
    return new SoundCardOut(opener, AUDIO, log::add, now::get, d -> now.addAndGet(d.toNanos()), "fake card");
  }

  private FakeLine add(FakeLine line) {
    lines.add(line);
    return line;
  }

  @Test
  void aDeviceThatComesBackResumesWhereThePracticeWas() throws Exception {
    TimelineStream stream = new TimelineStream(timeline);
    SoundCardOut out = out(3);

    out.play(stream);

    assertEquals(2, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("Sound output lost (device unplugged); the practice is paused where it was."),
        log.get(0));
    assertEquals("Sound output is back; the practice carries on.", log.get(1));
    assertEquals(Duration.ofSeconds(9), Duration.ofNanos(now.get()), "tried at once, then after each of three waits "
        + "of 3 s");
    long heard = lines.get(0).bytes / 2 + lines.get(1).bytes / 2;
    assertTrue(heard >= timeline.length(), "nothing after the loss was skipped");
    assertTrue(lines.get(1).closed);
  }

  @Test
  void aDeviceThatCanBeOpenedAgainAtOnceCostsNoRetryWait() throws Exception {
    TimelineStream stream = new TimelineStream(timeline);
    SoundCardOut out = out(0);

    out.play(stream);

    assertEquals(List.of("Sound output is back; the practice carries on."), log.subList(1, log.size()), log::toString);
    assertEquals(Duration.ZERO, Duration.ofNanos(now.get()), "a busy sound server that takes a new stream at once is "
        + "not waited on for retry_every");
  }

  @Test
  void aDeviceThatStaysGoneEndsTheSessionCleanlyAfterTheTimeout() throws Exception {
    TimelineStream stream = new TimelineStream(timeline);
    SoundCardOut out = out(Integer.MAX_VALUE);

    IOException e = assertThrows(IOException.class, () -> out.play(stream));

    assertTrue(e.getMessage().contains("did not come back within 60 s"), e::getMessage);
    assertEquals(1, log.size(), "one line while it retries: " + log);
    assertTrue(lines.get(0).closed);
  }

  @Test
  void stoppingWhileTheDeviceIsGoneEndsAtOnce() throws Exception {
    TimelineStream stream = new TimelineStream(timeline);
    int[] waits = {0};
    PcmLine.Opener opener = () -> {
      if (lines.isEmpty()) {
        return add(new FakeLine(Pcm.RATE_HZ));
      }
      throw new AudioUnavailableException("no device");
    };
    SoundCardOut out = new SoundCardOut(opener, AUDIO, log::add, now::get, d -> {
      if (++waits[0] == 2) {
        stream.stop(Duration.ofMillis(300));
      }
    }, "fake card");

    out.play(stream);

    assertEquals(2, waits[0]);
    assertTrue(stream.stopped());
  }
}
