package org.cmtkiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.breath.PaceLimits;

/** Every setting of the kiosk, as read from {@code cmt-kiosk.yaml} or defaulted. */
public record KioskConfig(Path source, Path scriptsDirectory, Duration maxSilence, Speech speech, Tone tone,
    Chime chime, Audio audio, PaceLimits pace, Led led, Voice voice, Button button, Kiosk kiosk,
    Path journalDirectory, int retentionDays) {

  /**
   * How speech sounds.
   *
   * @param ratePercent MaryTTS speaking rate relative to its default (negative is slower)
   * @param levelDbfs loudness of voiced speech (RMS), before the −1 dBFS peak ceiling
   */
  public record Speech(String voice, int ratePercent, int pitchPercent, Duration commaPause, Duration sentencePause,
      Duration paragraphPause, double levelDbfs, Path cacheDirectory) {

    /** Everything that changes the synthesised sound of a sentence, for the speech cache key. */
    public String styleKey() {
      return voice + "|rate" + ratePercent + "|pitch" + pitchPercent + "|comma" + commaPause.toMillis() + "|level"
          + levelDbfs;
    }
  }

  /** The breathing pacer's tone. */
  public record Tone(boolean enabled, double frequencyHz, double levelDbfs) {}

  /** The bell that opens and closes practices. */
  public record Chime(double levelDbfs) {}

  /**
   * Live output: javax.sound buffer length, the device (empty = the system default), the volume a session starts
   * at and its bounds (dB relative to the rendered levels), and how a lost device is retried.
   */
  public record Audio(Duration buffer, String device, double volumeDb, double quietestDb, double loudestDb,
      double volumeStepDb, Duration retryEvery, Duration giveUpAfter) {}

  /**
   * Offline voice commands.
   *
   * @param model the unpacked Vosk model folder
   * @param microphone part of the input device's name, or empty for the default
   * @param confidence every word of a command must be at least this sure (0..1)
   * @param bargeInConfidence the bar while the device itself is speaking (only stop, pause, too much)
   * @param words each command's phrases, e.g. STOP → [stop, end, finish]
   */
  public record Voice(boolean enabled, Path model, String microphone, double confidence, double bargeInConfidence,
      Map<Command, List<String>> words) {}

  /** The one physical button (BCM GPIO number; wired to ground, internal pull-up); on by default on a Pi only. */
  public record Button(boolean enabled, int pin) {}

  /**
   * The always-on session flow, as a site sets it up.
   *
   * @param offer the practice ids offered (empty = every valid practice)
   * @param menuWait silence in the menu before the default practice is offered
   * @param goodbyeAfter further silence before a soft goodbye and back to idle
   * @param answerWait time to answer a check-in question before it is skipped
   * @param longestPractice practices written for longer than this are not offered (e.g. 10m on a busy ward)
   * @param helpMessage what "help" says first, e.g. where to find staff
   */
  public record Kiosk(List<String> offer, String defaultPractice, int menuExamples, boolean checkIn,
      Duration menuWait, Duration goodbyeAfter, Duration answerWait, Duration longestPractice, String helpMessage,
      QuietHours quietHours) {}

  /** Night-time: quieter and dimmer between {@code from} and {@code to} (local time; may span midnight). */
  public record QuietHours(java.time.LocalTime from, java.time.LocalTime to, double volumeDb, double maxBrightness) {
    /** Whether {@code t} falls in the quiet hours. */
    public boolean contains(java.time.LocalTime t) {
      return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
  }

  /** How the LED is driven. */
  public enum LedMode {
    /** PWM on a Raspberry Pi, no LED elsewhere. */
    AUTO,
    /** Hardware PWM through Pi4J's linuxfs provider (GPIO 12, 13, 18 or 19; needs dtoverlay=pwm). */
    PWM,
    /** On/off through Pi4J's gpiod provider: on while breathing in and holding, off otherwise. */
    DIGITAL,
    /** A bar in the terminal, for development. */
    CONSOLE,
    /** No LED. */
    NONE
  }

  /**
   * The breathing LED.
   *
   * @param pin BCM GPIO number
   * @param pwmChip the /sys/class/pwm/pwmchipN holding the pin's PWM (0, or 2 on a Pi 5 with an older kernel)
   * @param minBrightness duty cycle (0..1) at the lowest point, so the LED never quite goes out
   * @param gamma perceived brightness is about duty^(1/gamma); 2.2 makes the ramp look even
   */
  public record Led(LedMode mode, int pin, int pwmChip, double minBrightness, double maxBrightness, double gamma,
      int pwmFrequencyHz) {}
}
