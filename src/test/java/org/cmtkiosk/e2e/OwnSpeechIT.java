package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * (d) The device hearing itself: its own speaker looped into its microphone for the whole welcome and safe-place
 * practices (both say "say stop"), with the PocketSphinx engine, yields no command. Those two take 9.5 minutes; by
 * default each is heard through the orientation said before it ("Just say stop, or press the button once") and its
 * first {@link #DEFAULT_SECONDS} seconds, and {@code -De2e.long=true} plays them whole.
 */
@Tag("e2e")
@Timeout(720)
class OwnSpeechIT {
  static final int DEFAULT_SECONDS = 45;
  private static Site site;
  private static VirtualSoundCard card;

  @BeforeAll
  static void start() throws Exception {
    site = Site.of("own-speech");
    card = VirtualSoundCard.startOrSkip(site.dir());
    card.loopSpeakerIntoMicrophone();
  }

  @AfterAll
  static void stop() throws Exception {
    if (card != null) {
      card.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "safe-place"})
  void theDeviceHearingItselfGivesNoCommand(String practice) throws Exception {
    boolean whole = Boolean.getBoolean("e2e.long");
    Map<String, String> sections = new HashMap<>(VoiceCommandsIT.POCKETSPHINX);
    sections.put("practices", "directory: " + Path.of("scripts").toAbsolutePath());
    Path config = site.config(practice, sections);
    int before = site.sessions().size();
    Wave heard;
    try (Recorder mic = card.recordMicrophone();
        Program p = Program.start(card.environment(), config, site.dir().resolve(practice + ".log"), false,
            "practice", practice)) {
      assertTrue(p.awaitLine("note: playing", Duration.ofSeconds(90)).isPresent(), p.output());
      if (whole) {
        assertEquals(0, p.awaitExit(Duration.ofMinutes(11)), p.output());
      } else {
        Thread.sleep(DEFAULT_SECONDS * 1000L);
        p.signal("TERM");
        p.awaitExit(Duration.ofSeconds(15));
      }
      heard = mic.stop();
      assertTrue(p.lines().stream().noneMatch(l -> l.text().matches("^[a-z_]+: .*")),
          "a command was taken from the device's own speech:\n" + p.output());
    }
    assertTrue(heard.peak(0, heard.length()) > Wave.dbfsToLinear(-30), "the loopback carried no sound to the mic");
    assertEquals(before + 1, site.sessions().size(), site.sessions().toString());
    assertEquals(0, site.lastSession().path("commands").size(), site.lastSession().toString());
    Site.figure("(d) own speech looped into the microphone: " + practice + (whole ? " (whole)" : " (first "
        + DEFAULT_SECONDS + " s)"), "no command");
  }
}
