package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * (b) Stop by key and by signal, measured at the speaker: from the moment the key is typed (or the signal sent) to
 * the last sound the recording holds. The stop is sent while the breathing tone is held steady, so there is always
 * something to silence. The moment is placed on the recording by parec's arrival times (within about ±10 ms).
 */
@Tag("e2e")
@Timeout(120)
class StopLatencyIT {
  private static final Map<StopBy, Stopped> MEASURED = new EnumMap<>(StopBy.class);
  private static Site site;
  private static VirtualSoundCard card;

  /** How the stop is given. */
  enum StopBy {
    /** "s" typed on the program's terminal (a real pseudo-terminal when {@code script} is installed). */
    KEY,
    /** SIGTERM, as systemd stops the service. */
    SIGTERM,
    /** SIGINT, as Ctrl-C. */
    SIGINT
  }

  /** What one stop did: latency to silence, the program's exit status and output, the loudest level after it. */
  record Stopped(double latencyMs, int exitStatus, String output, double riseAfterStopDb) {}

  @BeforeAll
  static void start() throws Exception {
    site = Site.of("stop-latency");
    card = VirtualSoundCard.startOrSkip(site.dir());
  }

  @AfterAll
  static void stop() throws Exception {
    if (card != null) {
      card.close();
    }
  }

  @ParameterizedTest
  @EnumSource(StopBy.class)
  void stopEndsThePracticeAndSilencesTheSpeakerWithinOneSecond(StopBy by) throws Exception {
    Stopped s = measured(by);
    assertTrue(s.output().contains("Session stopped early"), s.output());
    assertTrue(s.latencyMs() <= 1000, "silence came " + s.latencyMs() + " ms after the stop");
  }

  @Disabled("waiting for lead's stop-fade fix (issue 12 item 4): measured key 430-454 ms, SIGTERM 427-441 ms, "
      + "SIGINT 425-433 ms")
  @ParameterizedTest
  @EnumSource(StopBy.class)
  void stopSilencesTheSpeakerWithin150ms(StopBy by) throws Exception {
    Stopped s = measured(by);
    assertTrue(s.latencyMs() <= 150, "silence came " + s.latencyMs() + " ms after the stop");
    assertTrue(s.riseAfterStopDb() <= 0.5, "after the stop the sound grew " + s.riseAfterStopDb() + " dB louder");
  }

  private static synchronized Stopped measured(StopBy by) throws Exception {
    Stopped s = MEASURED.get(by);
    if (s == null) {
      s = stopOnce(by);
      MEASURED.put(by, s);
      Site.figure("(b) stop by " + by + " -> silence at the speaker (load " + Load.average() + ")",
          String.format(Locale.ROOT, "%.0f ms (exit status %d; loudest after the stop %+.1f dB vs before)",
              s.latencyMs(), s.exitStatus(), s.riseAfterStopDb()));
    }
    return s;
  }

  private static Stopped stopOnce(StopBy by) throws Exception {
    boolean terminal = by == StopBy.KEY && VirtualSoundCard.onPath("script");
    Wave recording;
    long marker;
    int status;
    String output;
    try (Recorder rec = card.record();
        Program p = Program.start(card.environment(), site.config(), site.dir().resolve(by + ".log"), terminal,
            by == StopBy.KEY ? new String[] {"practice", "--keyboard", "e2e-stop"}
                : new String[] {"practice", "e2e-stop"})) {
      assertTrue(p.awaitLine("Playing", Duration.ofSeconds(30)).isPresent(), p.output());
      assertTrue(rec.awaitLevel(-36, -26, Duration.ofMillis(400), Duration.ofSeconds(30)),
          "the breathing tone was not heard held steady; output:\n" + p.output());
      long sent = send(p, by);
      status = p.awaitExit(Duration.ofSeconds(15));
      Thread.sleep(300);
      marker = rec.sampleAt(sent);
      recording = rec.stop();
      output = p.output();
    }
    recording.write(site.dir().resolve(by + "-48k.wav"));
    java.nio.file.Files.writeString(site.dir().resolve(by + "-48k.marker"), "the stop was sent at sample " + marker
        + "\n");
    return new Stopped(latencyMs(recording, marker), status, output, riseAfter(recording, (int) marker));
  }

  private static long send(Program p, StopBy by) throws IOException, InterruptedException {
    return switch (by) {
      case KEY -> p.type("s");
      case SIGTERM -> p.signal("TERM");
      case SIGINT -> p.signal("INT");
    };
  }

  /** From {@code marker} to the last sample at −60 dBFS or louder; fails if nothing was sounding at the marker. */
  static double latencyMs(Wave recording, long marker) {
    int m = (int) marker;
    assertTrue(recording.peak(m - 480, m) >= Wave.dbfsToLinear(-40), "nothing was sounding when the stop was sent");
    int last = recording.lastAbove(Wave.SOUND);
    return (last + 1 - m) * 1000.0 / recording.rateHz();
  }

  /** The loudest 10 ms after the stop, relative to the 50 ms before it (a fade that only goes down gives ≤ 0 dB). */
  private static double riseAfter(Wave recording, int marker) {
    int window = recording.rateHz() / 100;
    double before = recording.peak(marker - 5 * window, marker);
    double after = 0;
    for (int i = marker; i + window < recording.length(); i += window) {
      after = Math.max(after, recording.peak(i, i + window));
    }
    return Wave.linearToDbfs(after) - Wave.linearToDbfs(before);
  }

}
