package org.cmtkiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.practice.Practice;

/**
 * The flow's voice and hands on the {@link Stage}: one prompt and one practice at a time. Each call is numbered, so
 * a report that arrives late (speech that was hushed, a practice that was replaced) is ignored; a stage that never
 * reports is given up on after a grace time, so the flow cannot get stuck. Reports come back under the flow's lock.
 */
final class Performer {
  /** How long a stopped practice may take to report its end before the flow carries on without it. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);
  /** How long a prompt may take to report its end before the flow carries on without it. */
  static final Duration SPEECH_GRACE = Duration.ofMinutes(2);

  /** Hears how a practice ended; one that was stopped then goes on as {@link #stop} was told. */
  interface Ending {
    void ended(Practice practice, KioskFlow.State as, Stage.Ended ended, boolean stopped);
  }

  private final Stage stage;
  private final Clock clock;
  private final Object lock;
  private final Consumer<String> note;
  private final Ending ending;
  private int speechToken;
  private boolean speaking;
  private Runnable afterSpeech;
  private Instant speakingSince;
  private Instant quietSince;
  private int playToken;
  private Practice playing;
  private KioskFlow.State playingAs;
  private Runnable whenStopped;
  private Instant stopAskedAt;

  /** @param lock the flow's monitor, taken for every report from the stage */
  Performer(Stage stage, Clock clock, Object lock, Consumer<String> note, Ending ending) {
    this.stage = stage;
    this.clock = clock;
    this.lock = lock;
    this.note = note;
    this.ending = ending;
  }

  /** Speaks {@code text}; {@code then} (if any) runs when it has been said, else silence is counted from then. */
  void say(String text, Stage.Light light, Runnable then) {
    int token = ++speechToken;
    speaking = true;
    afterSpeech = then;
    speakingSince = clock.instant();
    quietSince = null;
    stage.light(light);
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.SAYS, text));
    stage.say(text, () -> said(token));
  }

  /** Speaks over the practice playing: it pauses, speaks and carries on. */
  void interject(String text) {
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.SAYS, text));
    stage.interject(text);
  }

  private void said(int token) {
    synchronized (lock) {
      if (token != speechToken || !speaking) {
        return;
      }
      speaking = false;
      quietSince = clock.instant();
      Runnable then = afterSpeech;
      afterSpeech = null;
      if (then != null) {
        then.run();
      }
    }
  }

  /** Silences the prompt being said, if any (a practice is stopped with {@link #stop}). */
  void hush() {
    if (speaking) {
      speaking = false;
      afterSpeech = null;
      speechToken++;
      stage.hush();
    }
  }

  boolean speaking() {
    return speaking;
  }

  /** How long it has been silent since the last prompt ended; empty while speaking or playing. */
  Optional<Duration> quietFor(Instant now) {
    return speaking || quietSince == null ? Optional.empty() : Optional.of(Duration.between(quietSince, now));
  }

  /** Moves the start of the silence on by {@code d} (time that should not count, e.g. while sound was lost). */
  void notCounting(Duration d) {
    quietSince = quietSince == null ? null : quietSince.plus(d);
  }

  /** Starts {@code practice} as the flow's state {@code as} (welcome, practice or grounding). */
  void play(Practice practice, KioskFlow.State as) {
    hush();
    int token = ++playToken;
    playing = practice;
    playingAs = as;
    whenStopped = null;
    quietSince = null;
    stage.light(Stage.Light.SESSION);
    note.accept("playing " + practice.id() + " (" + practice.intensity().name().toLowerCase(Locale.ROOT) + ", "
        + practice.target().toMinutes() + " min)");
    stage.play(practice, ended -> ended(token, ended));
  }

  boolean isPlaying() {
    return playing != null;
  }

  /** The practice playing (or being stopped), or null. */
  Practice playing() {
    return playing;
  }

  /** What the practice playing is to the flow: the welcome, a practice, or a grounding. */
  KioskFlow.State playingAs() {
    return playingAs;
  }

  /** Whether a stopped practice is still fading out. */
  boolean stopping() {
    return whenStopped != null;
  }

  /** Asks the stage to end the practice as {@code outcome}; {@code then} runs once it has ended. */
  void stop(Outcome outcome, Runnable then) {
    hush();
    whenStopped = then;
    stopAskedAt = clock.instant();
    quietSince = null;
    note.accept("stopping " + playing.id() + " (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
    stage.stopPractice(outcome);
  }

  /** Changes where a practice being stopped leads. */
  void thenInstead(Runnable then) {
    whenStopped = then;
  }

  /** Ends the practice at once and forgets it (shutting down): its end will not be reported to the flow. */
  Optional<Practice> abandon() {
    Practice p = playing;
    if (p != null) {
      playToken++;
      stage.stopPractice(Outcome.STOPPED_EARLY);
    }
    playing = null;
    whenStopped = null;
    hush();
    return Optional.ofNullable(p);
  }

  private void ended(int token, Stage.Ended ended) {
    synchronized (lock) {
      if (token != playToken) {
        return;
      }
      Practice p = playing;
      note.accept(p.id() + " ended: " + ended.done().outcome().name().toLowerCase(Locale.ROOT)
          + ended.problem().map(why -> " (" + why + ")").orElse(""));
      Runnable then = whenStopped;
      whenStopped = null;
      playing = null;
      ending.ended(p, playingAs, ended, then != null);
      if (then != null) {
        then.run();
      }
    }
  }

  /**
   * Gives up on a stage that did not report in time: a stopped practice that never ended, a prompt never finished.
   * Returns whether it did.
   */
  boolean giveUpOnSilentStage(Instant now) {
    if (whenStopped != null && now.isAfter(stopAskedAt.plus(STOP_GRACE))) {
      note.accept("the practice did not report its end; carrying on without it");
      playToken++;
      Practice p = playing;
      Runnable then = whenStopped;
      whenStopped = null;
      playing = null;
      ending.ended(p, playingAs, new Stage.Ended(new PracticeDone(p.id(), p.version(), Outcome.STOPPED_EARLY,
          List.of()), List.of(), Optional.of("no end reported")), true);
      then.run();
      return true;
    }
    if (speaking && now.isAfter(speakingSince.plus(SPEECH_GRACE))) {
      note.accept("a prompt did not report its end; carrying on without it");
      said(speechToken);
      return true;
    }
    return false;
  }
}
