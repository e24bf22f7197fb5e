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
import org.cmtkiosk.session.KioskSettings;

/**
 * Every setting of the kiosk, as read from {@code cmt-kiosk.yaml} or defaulted.
 *
 * @param siteScriptsDirectory the site's own scripts, read after the shipped ones ({@code practices.site_directory});
 *     null when not set
 */
public record KioskConfig(Path source, Path scriptsDirectory, Duration maxSilence, SpeechSettings speech,
    ToneSettings tone, ChimeSettings chime, AudioSettings audio, PaceLimits pace, LedSettings led, VoiceSettings voice,
    Button button, KioskSettings kiosk, Path journalDirectory, int retentionDays, Path siteScriptsDirectory) {

  /** What laying out a practice's sound needs. */
  public LayoutSettings layout() {
    return new LayoutSettings(speech, tone, chime);
  }

  /** The one physical button (BCM GPIO number; wired to ground, internal pull-up); on by default on a Pi only. */
  public record Button(boolean enabled, int pin) {}
}
