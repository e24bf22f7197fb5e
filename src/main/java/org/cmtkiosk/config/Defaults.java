package org.cmtkiosk.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.gpio.Board;
import org.cmtkiosk.listen.PocketSphinxRecogniser;
import org.cmtkiosk.listen.VoiceSettings;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.listen.VoskRecogniser;
import org.cmtkiosk.speech.SpeechSettings;
import org.cmtkiosk.audio.ToneSettings;
import org.cmtkiosk.audio.ChimeSettings;
import org.cmtkiosk.audio.AudioSettings;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.pacer.LedMode;
import org.cmtkiosk.session.KioskSettings;

/** Built-in settings, used when no config file is found and for every setting a file leaves out. */
public final class Defaults {
  private Defaults() {}

  /**
   * The practices offered until a clinician chooses: the established gentle ones under 10 minutes. Newer ones (the
   * talks, eyes open, after a hard moment) and evocative ones are offered only when a site lists them.
   */
  public static final List<String> DEFAULT_OFFER = List.of("soothing-rhythm-breathing", "appreciation", "body-scan",
      "mindful-listening", "soothing-rhythm-short", "three-circles");

  public static KioskConfig config() {
    return new KioskConfig(null, appHome().resolve("scripts"), Duration.ofSeconds(90),
        new SpeechSettings("cmu-slt-hsmm", -25, -3, Duration.ofMillis(300), Duration.ofMillis(900),
            Duration.ofMillis(1800), -21.0, xdg("XDG_CACHE_HOME", ".cache").resolve("cmt-kiosk/speech")),
        new ToneSettings(true, 220.0, -30.0),
        new ChimeSettings(-16.0),
        new AudioSettings(Duration.ofMillis(500), "", 0, -18, 6, 3, Duration.ofSeconds(3), Duration.ofMinutes(1)),
        new PaceLimits(4, 8, Duration.ofSeconds(1), 3),
        new LedSettings(LedMode.AUTO, 18, 0, 0.02, 0.8, 2.2, 1000),
        new VoiceSettings(VoiceSettings.Engine.AUTO, xdg("XDG_DATA_HOME", ".local/share").resolve("cmt-kiosk/"
            + VoskRecogniser.MODEL_NAME), PocketSphinxRecogniser.DEBIAN_MODEL, "", 0.75, 0.9,
            Duration.ofMillis(300), Duration.ofMillis(300), Vocabulary.DEFAULT_WORDS),
        new KioskConfig.Button(Board.isRaspberryPi(), 17),
        kiosk(),
        xdg("XDG_DATA_HOME", ".local/share").resolve("cmt-kiosk/journal"), 90, null);
  }

  /** The session flow's defaults: a gentle, short offer; check-ins; a paused practice ends after 2 minutes. */
  public static KioskSettings kiosk() {
    return new KioskSettings(
        new KioskSettings.Offer(DEFAULT_OFFER, "soothing-rhythm-breathing", false, Duration.ofMinutes(10)),
        new KioskSettings.Safety("", 3), true, Duration.ofSeconds(20), Duration.ofSeconds(3),
        Duration.ofSeconds(40), Duration.ofSeconds(5), Duration.ofMinutes(2),
        new KioskSettings.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0), -8, 0.2));
  }

  /** Expands a leading {@code ~/} and resolves relative paths against {@code base}. */
  public static Path expandHome(String text, Path base) {
    if (text.equals("~") || text.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(text.substring(Math.min(2, text.length())));
    }
    Path p = Path.of(text);
    return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
  }

  private static Path xdg(String variable, String fallbackUnderHome) {
    String value = System.getenv(variable);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    return Path.of(System.getProperty("user.home")).resolve(fallbackUnderHome);
  }

  /**
   * The folder holding {@code scripts/}: beside the jar (installed), or one level up ({@code target/} in a
   * checkout), or the working directory.
   */
  static Path appHome() {
    try {
      Path jarDir = Path.of(Defaults.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
      for (Path candidate = jarDir; candidate != null; candidate = candidate.getParent()) {
        if (Files.isDirectory(candidate.resolve("scripts"))) {
          return candidate;
        }
        if (candidate.equals(jarDir.getParent())) {
          break;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // Fall through to the working directory.
    }
    return Path.of("").toAbsolutePath();
  }
}
