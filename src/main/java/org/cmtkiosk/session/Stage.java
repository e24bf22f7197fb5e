package org.cmtkiosk.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.practice.Practice;

/**
 * What the kiosk does that a person sees or hears; the session flow reaches the world only through this. The live
 * one plays audio and lights the LED; tests record.
 *
 * <p>Every method returns at once: no synthesis, file or device work happens on the caller's thread, so the flow may
 * call these while holding its own lock. Completion is reported through the callbacks, from the stage's own thread,
 * never from inside a call to the stage and never while the stage holds a lock its methods take. Each callback is
 * called exactly once, also when the speech or practice was hushed, stopped or failed.
 */
public interface Stage {
  /** The light's state between and around practices. */
  enum Light { IDLE, SESSION, LISTENING }

  /**
   * How a practice ended.
   *
   * @param done the journal's entry: practice, script version, outcome and breathing patterns reached
   * @param breathsPerMinute every breathing pace reached, for the session's slowest and fastest
   * @param problem why it failed, when the outcome is {@link Outcome#ERROR}
   */
  record Ended(PracticeDone done, List<Double> breathsPerMinute, Optional<String> problem) {
    public Ended {
      breathsPerMinute = List.copyOf(breathsPerMinute);
    }
  }

  /**
   * Starts saying {@code text}; {@code done} runs once when it has been said, hushed, or could not be said. A new
   * call replaces speech still under way. While a practice is paused, speech plays over it without resuming it.
   */
  void say(String text, Runnable done);

  /** Stops whatever {@link #say} is saying, with a short fade (at most 300 ms). */
  void hush();

  /**
   * Starts {@code practice} (after any speech, which it hushes); {@code done} runs once with how it ended:
   * {@link Outcome#COMPLETED} when played to the end, the outcome given to {@link #stopPractice} when stopped,
   * {@link Outcome#ERROR} when it could not start or failed (with the problem).
   */
  void play(Practice practice, Consumer<Ended> done);

  /** Ends the practice playing (also a paused one) with a short fade; its {@code done} reports {@code outcome}. */
  void stopPractice(Outcome outcome);

  /** Pauses the practice playing with a short fade, holding its place (the LED holds too). */
  void pause();

  /** Resumes a paused practice where it was, fading back in. */
  void resume();

  /** Applies a live change to the practice playing: SLOWER, FASTER, LOUDER, QUIETER or TONE. */
  void adjust(Command change);

  /** Says the sentence of the practice just heard (or under way) again, then carries on from there. */
  void repeatSentence();

  /** Jumps to the start of the practice's next section (its next say step after a pause or breathing block). */
  void skipSection();

  /** Speaks over a running practice: it pauses, speaks, and carries on. */
  void interject(String text);

  /** Sets the light for between practices (a breathing block drives it during a practice). */
  void light(Light light);

  /** Night mode: quieter and dimmer (site quiet hours). */
  void quiet(boolean quiet);

  /** Whether the device is making sound of its own now (for the recogniser's barge-in rule). */
  boolean speaking();

  /**
   * Shows one subtitle line (the live stage prints {@link Subtitle#line} on its console, in order, flushed). The flow
   * sends what it says and hears; the stage itself adds a line per sentence of a practice as that sentence begins.
   */
  void subtitle(Subtitle line);
}
