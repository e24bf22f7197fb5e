package org.cmtkiosk.session;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * How a site sets up the session flow: the {@code kiosk}, {@code offer}, {@code safety} and {@code session} sections
 * of {@code cmt-kiosk.yaml}.
 *
 * @param checkIn ask "how calm do you feel, zero to ten?" before and after a practice
 * @param menuWait silence after the list of practices before the default is offered
 * @param itemGap silence after each item of a spoken list, in which one press chooses it
 * @param goodbyeAfter silence after the default was offered before a soft goodbye and back to idle
 * @param answerWait time to answer a question by voice or key before the device counts, or moves on
 * @param pauseTimeout a practice paused this long ends with a gentle close (a shared device must reset)
 */
public record KioskSettings(Offer offer, Safety safety, boolean checkIn, Duration menuWait, Duration itemGap,
    Duration goodbyeAfter, Duration answerWait, Duration pauseTimeout, QuietHours quietHours) {

  /**
   * Which practices the kiosk offers; a clinician's choice.
   *
   * @param practices ids in the order they are read out; empty means every valid practice that passes the rules
   * @param defaultPractice offered after a silence in the menu, and read first
   * @param evocative also offer evocative practices (imagery, the compassionate self, the letter...)
   * @param shorterThan only practices written for less than this are offered
   */
  public record Offer(List<String> practices, String defaultPractice, boolean evocative, Duration shorterThan) {
    public Offer {
      practices = List.copyOf(practices);
    }
  }

  /**
   * What the device says about help. It never claims to be a crisis service.
   *
   * @param helpLine where help is at this site, e.g. "the nurse in charge"; empty when the site has not set it
   * @param lowRating a check-in answer at or below this offers the help line and a grounding
   */
  public record Safety(String helpLine, int lowRating) {
    /** Said when a site has not set {@code safety.help_line}; {@code doctor} reports that it is unset. */
    public static final String UNSET_HELP_LINE = "a member of staff, or someone you trust";

    /** The help line to speak: the site's, or a general one when it is unset. */
    public String spokenHelpLine() {
      return helpLine.isBlank() ? UNSET_HELP_LINE : helpLine.strip();
    }
  }

  /** Night-time: quieter and dimmer between {@code from} and {@code to} (local time; may span midnight). */
  public record QuietHours(LocalTime from, LocalTime to, double volumeDb, double maxBrightness) {
    /** Whether {@code t} falls in the quiet hours. */
    public boolean contains(LocalTime t) {
      return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
  }
}
