package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.practice.PracticeLoader;
import org.cmtkiosk.practice.Step;
import org.cmtkiosk.session.KioskSettings;
import org.cmtkiosk.session.Prompts;
import org.cmtkiosk.text.Sentences;
import org.cmtkiosk.yaml.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * (d) The device hearing itself: its own speaker looped into its microphone, with the PocketSphinx engine, yields no
 * command. By default one program run plays, after the orientation said before a gentle practice ("Just say stop
 * ... say grounding"), a practice made at test time from the shipped ones: what the orientation before an evocative
 * practice adds ("If this starts to feel like too much ..."), then every sentence of welcome and safe-place that
 * tells the listener to say a command ("say stop", "say too much", "say pause, and then say continue", "Say help");
 * the closing words are skipped. {@code -De2e.long=true} plays the whole welcome and safe-place instead (9.5
 * minutes).
 */
@Tag("e2e")
@Timeout(720)
class OwnSpeechIT {
  /** The shipped practices whose own words are most like commands (both teach "say stop"). */
  static final List<String> SHIPPED = List.of("welcome", "safe-place");
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

  @Test
  void theDeviceTellingPeopleWhatToSayGivesNoCommand() throws Exception {
    assumeFalse(Boolean.getBoolean("e2e.long"), "-De2e.long=true plays the "
        + "shipped practices whole instead");
    List<String> said = instructions();
    assertTrue(said.size() >= 4, "expected the evocative orientation's own words and at least three sentences "
        + "of " + SHIPPED + " that say 'say <command>': " + said);
    Files.writeString(site.scripts().resolve("own-speech.yaml"), practiceSaying(said));
    Path config = site.config("own-speech", VoiceCommandsIT.POCKETSPHINX);
    assertEquals(0, site.run(config, "prepare-own-speech.log", "prepare"), "the practice made of the shipped "
        + "steps did not prepare (a content rule?); see " + site.dir().resolve("prepare-own-speech.log") + " and run "
        + "'validate' with " + config);
    long seconds = hearItself("own-speech", config, Duration.ofMinutes(4));
    Site.figure("(d) own speech looped into the microphone: " + (said.size() - 1) + " sentences of " + SHIPPED
        + " that say 'say <command>', and both orientations (" + seconds + " s)", "no command");
  }

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "safe-place"})
  void theDeviceHearingAWholePracticeGivesNoCommand(String practice) throws Exception {
    assumeTrue(Boolean.getBoolean("e2e.long"), "plays " + practice + " whole "
        + "(9.5 minutes for both) only with -De2e.long=true");
    Map<String, String> sections = new HashMap<>(VoiceCommandsIT.POCKETSPHINX);
    sections.put("practices", "directory: " + Path.of("scripts").toAbsolutePath());
    hearItself(practice, site.config(practice, sections), Duration.ofMinutes(11));
    Site.figure("(d) own speech looped into the microphone: " + practice + " (whole)", "no command");
  }

  /**
   * Plays {@code practice} to its end with the speaker looped into the microphone; asserts no command was taken.
   * Returns how many seconds the microphone heard.
   */
  private static long hearItself(String practice, Path config, Duration longest) throws Exception {
    int before = site.sessions().size();
    Wave heard;
    try (Recorder mic = card.recordMicrophone();
        Program p = Program.start(card.environment(), config, site.dir().resolve(practice + ".log"), false,
            "practice", "--keyboard", practice)) {
      p.skipClosing();
      assertEquals(0, p.awaitExit(longest), p.output());
      heard = mic.stop();
      assertTrue(p.lines().stream().noneMatch(l -> l.text().matches("^[a-z_]+: .*")
              || l.text().contains("heard: voice")),
          "a command was taken from the device's own speech:\n" + p.output());
      assertTrue(p.lines().stream().anyMatch(l -> l.text().contains("ended: completed")), p.output());
    }
    assertTrue(heard.peak(0, heard.length()) > Wave.dbfsToLinear(-30), "the loopback carried no sound to the mic");
    assertEquals(before + 1, site.sessions().size(), site.sessions().toString());
    // The only command is the key that skipped the closing words.
    assertEquals("{\"skip\":1}", site.lastSession().path("commands").toString(), site.lastSession().toString());
    return Math.round(heard.secondsOf(heard.length()));
  }

  /**
   * What the evocative practices' orientation adds, then every sentence of the {@link #SHIPPED} practices that tells
   * the listener to say something they could say during a practice ("say stop", "say too much", "say pause"). The
   * device speaks sentence by sentence (each is synthesised and cached alone), so each sounds as in the practice.
   */
  static List<String> instructions() throws IOException {
    String phrases = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of()).phrases(Context.PRACTICE).keySet().stream()
        .map(Pattern::quote).collect(Collectors.joining("|"));
    Pattern sayCommand = Pattern.compile("\\bsay (" + phrases + ")\\b");
    List<String> said = new ArrayList<>();
    for (String id : SHIPPED) {
      Practice p = shipped(id);
      for (Step s : p.steps()) {
        if (s instanceof Step.Say say) {
          Sentences.of(say.text()).stream()
              .filter(sentence -> sayCommand.matcher(sentence.toLowerCase(Locale.ROOT)).find())
              .forEach(said::add);
        }
      }
    }
    said.add(0, evocativeOrientationOwnWords());
    return said;
  }

  /**
   * What the orientation before an evocative practice says that the one before a gentle practice (heard anyway)
   * does not: "If this starts to feel like too much, that is all you need to do, ...".
   */
  static String evocativeOrientationOwnWords() {
    String where = KioskSettings.Safety.UNSET_HELP_LINE;
    Practice evocative = SHIPPED.stream().map(OwnSpeechIT::shipped).filter(p -> p.intensity() == Intensity.EVOCATIVE)
        .findFirst().orElseThrow(() -> new AssertionError("none of " + SHIPPED + " is evocative"));
    Practice gentle = SHIPPED.stream().map(OwnSpeechIT::shipped).filter(p -> p.intensity() == Intensity.GENTLE)
        .findFirst().orElseThrow(() -> new AssertionError("none of " + SHIPPED + " is gentle"));
    List<String> heardAnyway = Sentences.of(Prompts.orientation(gentle, where));
    String own = Sentences.of(Prompts.orientation(evocative, where)).stream()
        .filter(sentence -> !heardAnyway.contains(sentence)).collect(Collectors.joining(" "));
    assertTrue(!own.isBlank(), "the orientations before gentle and evocative practices are the same");
    return own;
  }

  private static Practice shipped(String id) {
    Path file = Path.of("scripts", id + ".yaml");
    return PracticeLoader.load(file, new Problems(file))
        .orElseThrow(() -> new AssertionError("the shipped " + file + " did not load"));
  }

  /**
   * A gentle practice (so the program says the gentle orientation before it) saying {@code texts} in turn, opening
   * with an invitation and closing by bringing attention back to the room, as the content rules ask of every
   * practice (both sentences are the test practices' own).
   */
  static String practiceSaying(List<String> texts) {
    StringBuilder yaml = new StringBuilder("""
        # Made by OwnSpeechIT: what the shipped practices say that is most like a command.
        id: own-speech
        title: The device's own instructions
        spoken_name: own instructions
        duration: 1m
        description: The steps of the shipped practices that tell a listener what to say.
        intensity: gentle
        concept: testing
        steps:
          - say: If you like, let us come back to the here and now, together.
        """);
    for (String text : texts) {
      yaml.append("  - say: |\n");
      text.strip().lines().forEach(l -> yaml.append("      ").append(l).append('\n'));
    }
    return yaml.append("  - say: You are here, in this room, right now.\n").toString();
  }
}
