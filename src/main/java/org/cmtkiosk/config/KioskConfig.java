package org.cmtkiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.speech.SpeechSettings;
import org.cmtkiosk.audio.ToneSettings;
import org.cmtkiosk.audio.ChimeSettings;
import org.cmtkiosk.audio.AudioSettings;
import org.cmtkiosk.audio.LayoutSettings;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.listen.VoiceSettings;

/**
 * Every setting of the kiosk, as read from {@code cmt-kiosk.yaml} or defaulted.
 *
 * @param siteScriptsDirectory the site's own scripts, read after the shipped ones ({@code practices.site_directory});
 *     null when not set
 */
public record KioskConfig(Path source, Path scriptsDirectory, Duration maxSilence, SpeechSettings speech,
    ToneSettings tone, ChimeSettings chime, AudioSettings audio, PaceLimits pace, LedSettings led, VoiceSettings voice,
    Button button, Kiosk kiosk, Path journalDirectory, int retentionDays, Path siteScriptsDirectory) {

  /** What laying out a practice's sound needs. */
  public LayoutSettings layout() {
    return new LayoutSettings(speech, tone, chime);
  }

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

}
