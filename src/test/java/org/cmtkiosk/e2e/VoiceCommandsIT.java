package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * (c) A synthetic voice speaking into the virtual microphone during a practice, recognised by the PocketSphinx
 * engine: "stop" stops the practice (in its quiet stretch, and while the device itself is speaking), and "too much"
 * lands in grounding.
 */
@Tag("e2e")
@Timeout(120)
class VoiceCommandsIT {
  /** The voice settings under test: PocketSphinx from the Debian packages, the built-in words and thresholds. */
  static final Map<String, String> POCKETSPHINX = Map.of("voice", "enabled: true\nengine: pocketsphinx");
  private static Site site;
  private static VirtualSoundCard card;

  @BeforeAll
  static void start() throws Exception {
    Voices.assumeInstalled();
    site = Site.of("voice-commands");
    card = VirtualSoundCard.startOrSkip(site.dir());
  }

  @AfterAll
  static void stop() throws Exception {
    if (card != null) {
      card.close();
    }
  }

  @Test
  void sayingStopInAQuietStretchStopsThePractice() throws Exception {
    Path stop = Voices.say(site.dir(), "stop");
    try (Recorder rec = card.record(); Program p = practice("stop-in-quiet", "e2e-voice")) {
      p.skipClosing();
      p.skipOrientation(rec);
      Thread.sleep(13_000);
      card.speakIntoMicrophone(stop);
      long said = System.nanoTime();
      Program.Line heard = p.awaitLine("(?i)heard: .*stop", Duration.ofSeconds(10))
          .orElseThrow(() -> new AssertionError("'stop' was not acted on:\n" + p.output()));
      assertEquals(0, p.awaitExit(Duration.ofSeconds(40)), p.output());
      Site.figure("(c) 'stop' said in a quiet stretch: end of the word -> command",
          String.format(Locale.ROOT, "%.0f ms", (heard.nanoTime() - said) / 1e6));
      assertEquals(List.of("e2e-voice stopped_early"), site.lastOutcomes(), p.output());
    }
  }

  @Test
  void sayingStopWhileTheDeviceSpeaksStopsThePracticeAndSilencesIt() throws Exception {
    Path stop = Voices.say(site.dir(), "stop");
    Wave recording;
    long said;
    try (Recorder rec = card.record(); Program p = practice("stop-barge-in", "e2e-tone")) {
      p.skipClosing();
      assertTrue(p.awaitLine("note: playing", Duration.ofSeconds(90)).isPresent(), p.output());
      assertTrue(p.awaitLine("\\] says: (?!You chose)", Duration.ofSeconds(30)).isPresent(), "the practice's words "
          + "were not said:\n" + p.output());
      Thread.sleep(1_000);
      card.speakIntoMicrophone(stop);
      said = rec.sampleAt(System.nanoTime());
      assertTrue(p.awaitLine("(?i)heard: .*stop", Duration.ofSeconds(10)).isPresent(), "'stop' was not acted on "
          + "while the device spoke:\n" + p.output());
      assertEquals(0, p.awaitExit(Duration.ofSeconds(40)), p.output());
      Thread.sleep(300);
      recording = rec.stop();
    }
    recording.write(site.dir().resolve("stop-barge-in-48k.wav"));
    int silence = recording.silenceFrom((int) said, Wave.SOUND, StopLatencyIT.QUIET);
    assertTrue(silence >= 0, "the speaker never fell silent after the word");
    double ms = (silence - said) * 1000.0 / recording.rateHz();
    Site.figure("(c) 'stop' said while the device speaks: end of the word -> silence", String.format(Locale.ROOT,
        "%.0f ms", ms));
    assertTrue(ms < 2000, "the speaker fell silent only " + ms + " ms after the word ended");
  }

  /**
   * As above, after the orientation was skipped: the practice's first words are spoken about when the cut-off
   * orientation would have said "Just say stop" (a check that ignores the device's own words may still expect them).
   */
  @Test
  void sayingStopWhileTheDeviceSpeaksAfterASkippedOrientationStopsThePractice() throws Exception {
    Path stop = Voices.say(site.dir(), "stop");
    try (Recorder rec = card.record(); Program p = practice("stop-after-skip", "e2e-tone")) {
      p.skipClosing();
      p.skipOrientation(rec);
      assertTrue(p.awaitLine("\\] says: (?!You chose)", Duration.ofSeconds(30)).isPresent(), p.output());
      Thread.sleep(1_000);
      card.speakIntoMicrophone(stop);
      assertTrue(p.awaitLine("(?i)heard: .*stop", Duration.ofSeconds(10)).isPresent(), "'stop' was not acted on "
          + "while the device spoke, after the orientation was skipped:\n" + p.output());
    }
  }

  @Test
  void sayingTooMuchLandsInGrounding() throws Exception {
    Path tooMuch = Voices.say(site.dir(), "too much");
    try (Recorder rec = card.record(); Program p = practice("too-much", "e2e-voice")) {
      p.skipOrientation(rec);
      Thread.sleep(13_000);
      card.speakIntoMicrophone(tooMuch);
      assertTrue(p.awaitLine("(?i)ground", Duration.ofSeconds(10)).isPresent(), "'too much' was not acted on:\n"
          + p.output());
      // The practice's stop fade is long over after 1 s; the grounding's first words come within a few seconds
      // (its pauses are up to several seconds long, so a single late window could fall into one).
      Thread.sleep(1_000);
      assertTrue(rec.awaitSound(-40, Duration.ofSeconds(10)), "grounding is not being spoken:\n" + p.output());
      p.signal("TERM");
      p.awaitExit(Duration.ofSeconds(15));
    }
    List<String> outcomes = site.lastOutcomes();
    assertEquals("e2e-voice ended_early_grounding_offered", outcomes.get(0), outcomes.toString());
    assertTrue(outcomes.size() == 2 && outcomes.get(1).startsWith("grounding "), outcomes.toString());
  }

  private static Program practice(String name, String practice) throws Exception {
    return Program.start(card.environment(), site.config(name, POCKETSPHINX), site.dir().resolve(name + ".log"),
        false, "practice", "--keyboard", practice);
  }
}
