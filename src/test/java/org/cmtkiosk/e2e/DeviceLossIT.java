package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * (e) The speaker pulled out mid-session (the sound server killed): one "lost" line, and when it is back the
 * practice carries on from where it was; when it never comes back, the session ends as an error.
 */
@Tag("e2e")
@Timeout(150)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceLossIT {
  /** A log line, not a subtitle of what the device says ("[12:00:00] says: ..."), case-insensitive. */
  private static final String LOG_LINE = "(?i)^(?!\\[).*";
  private static NeverBack neverBack;
  private static List<JsonNode> lostAndBackJournal;
  private Site site;
  private VirtualSoundCard card;

  /** What happened when the speaker never came back. */
  record NeverBack(int exitStatus, String output, List<String> outcomes) {}

  @BeforeEach
  void start(TestInfo test) throws Exception {
    site = Site.of("device-loss-" + test.getTestMethod().orElseThrow().getName());
    card = VirtualSoundCard.startOrSkip(site.dir());
  }

  @AfterEach
  void stop() throws Exception {
    if (card != null) {
      card.close();
    }
  }

  @Test
  @Order(1)
  void speakerPulledOutAndPluggedBackInResumesThePracticeWhereItWas() throws Exception {
    Wave render = site.render("e2e-tone");
    Wave before;
    Wave after;
    long killed;
    long restarted;
    long lost;
    long back;
    long soundAgain;
    try (Program p = Program.start(card.environment(), site.config(), site.dir().resolve("lost-and-back.log"), false,
        "practice", "--keyboard", "e2e-tone")) {
      p.skipClosing();
      try (Recorder rec = card.record()) {
        p.skipOrientation(rec);
        Thread.sleep(6_000);
        killed = System.nanoTime();
        card.kill();
        before = rec.stop();
      }
      lost = p.awaitLine(LOG_LINE + "\\blost\\b", Duration.ofSeconds(10)).orElseThrow(
          () -> new AssertionError("no line saying the sound output was lost:\n" + p.output())).nanoTime();
      Thread.sleep(4_000);
      assertEquals("", card.startClosedToProgram());
      try (Recorder again = card.record()) {
        assertTrue(again.awaitSamples(Duration.ofMillis(200), Duration.ofSeconds(10)), "parec did not record");
        assertEquals("", card.openToProgram());
        restarted = System.nanoTime();
        back = p.awaitLine(LOG_LINE + "\\bback\\b", Duration.ofSeconds(15)).orElseThrow(
            () -> new AssertionError("no line saying the sound output is back:\n" + p.output())).nanoTime();
        assertEquals(0, p.awaitExit(Duration.ofSeconds(150)), p.output());
        Thread.sleep(300);
        after = again.stop();
        soundAgain = again.nanoTimeOf(after.firstAbove(Wave.SOUND, 0));
      }
      assertEquals(List.of("e2e-tone completed"), site.lastOutcomes(), p.output());
      lostAndBackJournal = site.records();
    }
    before.write(site.dir().resolve("before-48k.wav"));
    after.write(site.dir().resolve("after-48k.wav"));
    double cutAt = lastHeardSeconds(render, before.halfRate());
    Resumed resumed = resumedAt(render, after.halfRate(), cutAt);
    double lostMs = 1000 * (resumed.seconds() - cutAt);

    Site.figure("(e) speaker killed -> 'lost' line", ms(lost - killed));
    Site.figure("(e) speaker restarted -> 'back' line", ms(back - restarted));
    Site.figure("(e) speaker restarted -> first sound heard again", ms(soundAgain - restarted));
    Site.figure("(e) practice resumed, relative to where it was cut off", String.format(Locale.ROOT,
        "%+.0f ms of the practice skipped (cut at %.2f s, resumed at %.2f s, correlation %.3f)", lostMs, cutAt,
        resumed.seconds(), resumed.correlation()));
    assertTrue(resumed.correlation() > 0.9, "the audio after the restart is not the practice continuing: "
        + resumed);
    assertTrue(lostMs > -100 && lostMs < 1000, "resumed " + lostMs + " ms after where it was cut off");
    assertTrue(back - restarted < Duration.ofSeconds(5).toNanos(), "back only after " + ms(back - restarted));
  }

  @Test
  @Order(2)
  void speakerLostAndBackIsJournalled() throws Exception {
    assumeTrue(lostAndBackJournal != null, "the lost-and-back session did not run");
    List<String> events = lostAndBackJournal.stream().map(r -> r.path("event").asText()).toList();
    assertTrue(events.contains("sound_lost") && events.contains("sound_back"), lostAndBackJournal.toString());
    JsonNode end = lostAndBackJournal.get(lostAndBackJournal.size() - 1);
    assertTrue(end.path("sound_lost_seconds").asDouble() >= 4, end.toString());
  }

  @Test
  @Order(3)
  void speakerThatNeverComesBackEndsTheSessionAsAnError() throws Exception {
    NeverBack n = neverBack();
    assertTrue(n.output().toLowerCase(Locale.ROOT).contains("did not come back"), n.output());
    assertEquals(List.of("e2e-tone error"), n.outcomes(), n.output());
  }

  @Test
  @Order(4)
  void speakerThatNeverComesBackExitsNonZero() throws Exception {
    assertNotEquals(0, neverBack().exitStatus(), neverBack().output());
  }

  private NeverBack neverBack() throws Exception {
    if (neverBack == null) {
      Path config = site.config("never-back", Map.of("audio", "retry_every: 1s\ngive_up_after: 5s"));
      try (Program p = Program.start(card.environment(), config, site.dir().resolve("never-back.log"), false,
          "practice", "--keyboard", "e2e-tone"); Recorder rec = card.record()) {
        p.skipClosing();
        p.skipOrientation(rec);
        Thread.sleep(2_000);
        long killed = System.nanoTime();
        card.kill();
        int status = p.awaitExit(Duration.ofSeconds(90));
        Site.figure("(e) speaker never back (give_up_after 5s) -> program ended", ms(System.nanoTime() - killed)
            + ", exit status " + status);
        neverBack = new NeverBack(status, p.output(), site.lastOutcomes());
      }
    }
    return neverBack;
  }

  /** Where in the render (seconds) the last sound recorded before the kill was. */
  private static double lastHeardSeconds(Wave render, Wave before) {
    Match m = Match.of(render, before);
    Alignment.Piece last = m.alignment().pieces().get(m.alignment().pieces().size() - 1);
    return render.secondsOf(before.lastAbove(Wave.SOUND) + 1 - last.lag());
  }

  /**
   * Where in the render the recording made after the restart begins (searched from 1 s before to 3 s after where it
   * was cut off), and how well it matches from there.
   */
  record Resumed(double seconds, double correlation) {}

  private static Resumed resumedAt(Wave render, Wave after, double cutAt) {
    int first = after.firstAbove(Wave.SOUND, 0);
    int lag = render.lagIn(after, first - render.samplesOf(cutAt + 3), first - render.samplesOf(cutAt - 1));
    int from = first - lag;
    Alignment a = Alignment.from(render, after, lag, from);
    return new Resumed(render.secondsOf(from), a.correlation(render, after));
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }
}
