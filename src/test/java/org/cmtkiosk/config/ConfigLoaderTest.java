package org.cmtkiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.speech.SpeechSettings;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void shippedConfigMatchesTheBuiltInDefaults() throws Exception {
    KioskConfig shipped = ConfigLoader.read(Path.of("config/cmt-kiosk.yaml"));
    KioskConfig defaults = Defaults.config();
    assertEquals(defaults.speech(), shipped.speech());
    assertEquals(defaults.tone(), shipped.tone());
    assertEquals(defaults.chime(), shipped.chime());
    assertEquals(defaults.audio(), shipped.audio());
    assertEquals(defaults.pace(), shipped.pace());
    assertEquals(defaults.led(), shipped.led());
    assertEquals(defaults.voice().words(), shipped.voice().words());
    assertEquals(defaults.kiosk(), shipped.kiosk());
    assertEquals(defaults.retentionDays(), shipped.retentionDays());
    assertEquals(Path.of("scripts").toAbsolutePath(), shipped.scriptsDirectory());
  }

  @Test
  void theSafetyOfferAndSessionSettingsAreRead() throws Exception {
    Path file = Scripts.write(dir, "kiosk.yaml", """
        offer:
          practices: [safe-place, soothing-rhythm-breathing]
          evocative: true
          shorter_than: 20m
        safety:
          help_line: "NHS 111, or 999 in an emergency"
          low_rating: 2
        session:
          pause_timeout: 90s
        """);
    KioskConfig c = ConfigLoader.read(file);
    assertEquals(List.of("safe-place", "soothing-rhythm-breathing"), c.kiosk().offer().practices());
    assertTrue(c.kiosk().offer().evocative());
    assertEquals(Duration.ofMinutes(20), c.kiosk().offer().shorterThan());
    assertEquals("NHS 111, or 999 in an emergency", c.kiosk().safety().spokenHelpLine());
    assertEquals(2, c.kiosk().safety().lowRating());
    assertEquals(Duration.ofSeconds(90), c.kiosk().pauseTimeout());
    assertEquals("a member of staff, or someone you trust", Defaults.config().kiosk().safety().spokenHelpLine());
  }

  @Test
  void anOldKioskSettingSaysWhereItWent() {
    Path file = Scripts.write(dir, "kiosk.yaml", "kiosk:\n  help_message: \"Ask a nurse.\"\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(file));
    assertEquals(1, e.problems().size(), e::getMessage);
    assertTrue(e.problems().get(0).what().contains("'kiosk.help_message' is no longer a setting"), e::getMessage);
    assertTrue(e.problems().get(0).fix().contains("safety.help_line"), e::getMessage);
  }

  @Test
  void settingsLeftOutKeepDefaultsAndPathsAreRelativeToTheFile() throws Exception {
    Path file = Scripts.write(dir, "kiosk.yaml", "tone:\n  level_dbfs: -36\njournal:\n  directory: data\n");
    KioskConfig c = ConfigLoader.read(file);
    assertEquals(-36.0, c.tone().levelDbfs());
    assertEquals(Defaults.config().speech(), c.speech());
    assertEquals(dir.resolve("data"), c.journalDirectory());
  }

  @Test
  void wrongValuesAreAllReportedWithLineColumnAndFix() {
    Path file = Scripts.write(dir, "kiosk.yaml", """
        speech:
          rate_percent: fast
          sentence_pause: -1s
        tone:
          enabled: maybe
        audoi:
          buffer: 150ms
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(file));
    assertEquals(4, e.problems().size(), e::getMessage);
    Problem rate = e.problems().get(0);
    assertEquals(2, rate.line());
    assertEquals(17, rate.column());
    assertTrue(rate.what().contains("'rate_percent' in the 'speech' settings is 'fast'"), rate::toString);
    assertTrue(rate.fix().contains("from -60 to 20"), rate::toString);
    assertTrue(e.getMessage().contains(file + ":3:19: 'sentence_pause'"), e::getMessage);
    assertTrue(e.getMessage().contains(file + ":5:12: 'enabled'"), e::getMessage);
    assertTrue(e.getMessage().contains("unknown key 'audoi' in the config — did you mean 'audio'?"), e::getMessage);
  }

  @Test
  void aConfigThatIsNotYamlIsOneProblem() {
    Path file = Scripts.write(dir, "kiosk.yaml", "speech: [\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.read(file));
    assertEquals(1, e.problems().size());
  }

  @Test
  void aMissingExplicitConfigIsNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().contains("none.yaml:1:1: cannot read the file"), e::getMessage);
  }

  @Test
  void styleKeyChangesWithEverySettingThatChangesTheSound() {
    SpeechSettings s = Defaults.config().speech();
    SpeechSettings faster = new SpeechSettings(s.voice(), -10, s.pitchPercent(), s.commaPause(),
        s.sentencePause(), s.paragraphPause(), s.levelDbfs(), s.cacheDirectory());
    SpeechSettings longerGaps = new SpeechSettings(s.voice(), s.ratePercent(), s.pitchPercent(),
        s.commaPause(), Duration.ofSeconds(2), s.paragraphPause(), s.levelDbfs(), s.cacheDirectory());
    assertTrue(!s.styleKey().equals(faster.styleKey()));
    assertEquals(s.styleKey(), longerGaps.styleKey(), "gaps between sentences do not change a sentence's audio");
  }
}
