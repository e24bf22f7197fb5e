package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
  /** 20 ms at 48 kHz: how long the recording must stay below −60 dBFS to count as silent. */
  static final int QUIET = Recorder.RATE_HZ / 50;
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
  record Stopped(double latencyMs, double nextSoundMs, int exitStatus, String output, List<String> outcomes,
      double riseAfterStopDb) {}

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
  void stopEndsThePractice(StopBy by) throws Exception {
    Stopped s = measured(by);
    assertEquals(List.of("e2e-stop stopped_early"), s.outcomes(), s.output());
  }

  @ParameterizedTest
  @EnumSource(StopBy.class)
  void stopSilencesTheSpeakerWithin150msWithAFadeThatOnlyGoesDown(StopBy by) throws Exception {
    Stopped s = measured(by);
    assertTrue(s.latencyMs() <= 150, "silence came " + s.latencyMs() + " ms after the stop");
    assertTrue(s.riseAfterStopDb() <= 0.5, "after the stop the sound grew " + s.riseAfterStopDb() + " dB louder");
  }

  /**
   * "Stop always works at once", also in the first moment of a prompt: "s" typed as the orientation's subtitle
   * appears (before its audio has begun) ends the visit with the calm close only, not after the whole orientation.
   */
  @Test
  void stopTypedAsTheOrientationBeginsEndsTheVisitPromptly() throws Exception {
    long sent;
    long ended;
    double heardSeconds;
    try (Recorder rec = card.record();
        Program p = Program.start(card.environment(), site.config(), site.dir().resolve("stop-at-once.log"), false,
            "practice", "--keyboard", "e2e-stop")) {
      sent = p.typeOnLine("says: You chose", "s").get(60, java.util.concurrent.TimeUnit.SECONDS);
      p.awaitExit(Duration.ofSeconds(90));
      ended = System.nanoTime();
      Thread.sleep(300);
      long marker = rec.sampleAt(sent);
      Wave after = rec.stop();
      heardSeconds = soundAfter(after, (int) Math.max(0, marker));
    }
    Site.figure("(b) 's' typed as the orientation begins -> program ended", String.format(Locale.ROOT,
        "%.1f s (%.1f s of sound heard after the stop)", (ended - sent) / 1e9, heardSeconds));
    assertTrue(ended - sent < Duration.ofSeconds(15).toNanos(), "the visit ended " + (ended - sent) / 1e9
        + " s after the stop, with " + heardSeconds + " s of sound after it");
  }

  /** Seconds of 10 ms windows at −60 dBFS or louder from {@code from} on. */
  private static double soundAfter(Wave recording, int from) {
    int window = recording.rateHz() / 100;
    int sounding = 0;
    for (int i = from; i + window <= recording.length(); i += window) {
      if (recording.peak(i, i + window) >= Wave.SOUND) {
        sounding++;
      }
    }
    return sounding / 100.0;
  }

  private static synchronized Stopped measured(StopBy by) throws Exception {
    Stopped s = MEASURED.get(by);
    if (s == null) {
      s = stopOnce(by);
      MEASURED.put(by, s);
      Site.figure("(b) stop by " + by + " -> silence at the speaker (load " + Load.average() + ")",
          String.format(Locale.ROOT, "%.0f ms (loudest after the stop %+.1f dB vs before; next sound at %.0f ms; "
              + "exit status %d)", s.latencyMs(), s.riseAfterStopDb(), s.nextSoundMs(), s.exitStatus()));
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
            "practice", "--keyboard", "e2e-stop")) {
      p.skipOrientation(rec);
      p.skipClosing();
      assertTrue(rec.awaitLevel(-36, -26, Duration.ofMillis(400), Duration.ofSeconds(90)),
          "the breathing tone was not heard held steady; output:\n" + p.output());
      long sent = send(p, by);
      status = p.awaitExit(Duration.ofSeconds(30));
      Thread.sleep(300);
      marker = rec.sampleAt(sent);
      recording = rec.stop();
      output = p.output();
    }
    recording.write(site.dir().resolve(by + "-48k.wav"));
    java.nio.file.Files.writeString(site.dir().resolve(by + "-48k.marker"), "the stop was sent at sample " + marker
        + "\n");
    double latency = latencyMs(recording, marker);
    int next = recording.firstAbove(Wave.SOUND, (int) marker + recording.samplesOf(latency / 1000));
    double nextMs = next < 0 ? Double.NaN : (next - marker) * 1000.0 / recording.rateHz();
    return new Stopped(latency, nextMs, status, output, site.lastOutcomes(), riseAfter(recording, (int) marker));
  }

  private static long send(Program p, StopBy by) throws IOException, InterruptedException {
    return switch (by) {
      case KEY -> p.type("s");
      case SIGTERM -> p.signal("TERM");
      case SIGINT -> p.signal("INT");
    };
  }

  /**
   * From {@code marker} to where the practice's sound ends: the recording stays below −60 dBFS for 20 ms from there
   * (the held tone never does while it plays; the acknowledgement and the closing words that follow a stop come
   * after). Fails if nothing was sounding at the marker.
   */
  static double latencyMs(Wave recording, long marker) {
    int m = (int) marker;
    assertTrue(recording.peak(m - 480, m) >= Wave.dbfsToLinear(-40), "nothing was sounding when the stop was sent");
    int silence = recording.silenceFrom(m, Wave.SOUND, QUIET);
    assertTrue(silence >= 0, "the sound never stopped after the stop");
    return (silence - m) * 1000.0 / recording.rateHz();
  }

  /**
   * The loudest 10 ms between the stop and the silence, relative to the 50 ms before the stop (a fade that only goes
   * down gives about 0 dB or less).
   */
  private static double riseAfter(Wave recording, int marker) {
    int window = recording.rateHz() / 100;
    double before = recording.peak(marker - 5 * window, marker);
    int silence = recording.silenceFrom(marker, Wave.SOUND, QUIET);
    double after = 0;
    for (int i = marker; i + window < (silence < 0 ? recording.length() : silence); i += window) {
      after = Math.max(after, recording.peak(i, i + window));
    }
    return Wave.linearToDbfs(after) - Wave.linearToDbfs(before);
  }

}
