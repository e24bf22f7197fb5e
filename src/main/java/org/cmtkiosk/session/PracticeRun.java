package org.cmtkiosk.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.journal.Journal;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.practice.Practice;

/** Plays one practice to an output and journals how it went; {@link #stop} ends it with a short fade. */
public final class PracticeRun {
  /** The fade when someone says stop or presses Ctrl-C: short enough to feel immediate, long enough not to jar. */
  public static final Duration STOP_FADE = Duration.ofMillis(300);

  private final Practice practice;
  private final TimelineStream stream;
  private final Journal journal;
  private final Clock clock;
  private final CountDownLatch finished = new CountDownLatch(1);

  public PracticeRun(Practice practice, Timeline timeline, Journal journal, Clock clock) {
    this.practice = practice;
    this.stream = new TimelineStream(timeline);
    this.journal = journal;
    this.clock = clock;
  }

  /**
   * Plays to {@code out}, then writes the journal record, also when playing failed (then recorded as an error and
   * the failure rethrown). A journal that cannot be written does not lose the session's result: it is returned.
   */
  public Result run(AudioOut out) throws IOException {
    Instant start = clock.instant();
    Outcome outcome = Outcome.ERROR;
    IOException failure = null;
    try {
      out.play(stream);
      outcome = stream.stopped() ? Outcome.STOPPED_EARLY : Outcome.COMPLETED;
    } catch (IOException e) {
      failure = e;
    }
    SessionRecord record = new SessionRecord(UUID.randomUUID().toString(), practice.id(), practice.version(),
        start, clock.instant(), outcome, breathingUsed(stream.breathsBegun()));
    Optional<String> journalProblem = Optional.empty();
    try {
      journal.append(record);
    } catch (IOException e) {
      journalProblem = Optional.of("could not write the session to the journal (" + e.getMessage()
          + ") — check free disk space and that journal.directory is writable");
    } finally {
      finished.countDown();
    }
    if (failure != null) {
      throw failure;
    }
    return new Result(record, journalProblem);
  }

  /** What a run recorded, and why the journal did not keep it, if it did not. */
  public record Result(SessionRecord record, Optional<String> journalProblem) {}

  /** The live stream, for controls (pause, volume, pace, tone) and for the LED to follow. */
  public TimelineStream stream() {
    return stream;
  }

  /** Asks the run to fade out and end; safe from any thread, e.g. a shutdown hook. */
  public void stop() {
    stream.stop(STOP_FADE);
  }

  /** Waits for the run (and its journal record) to finish. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The first and last breathing patterns reached, e.g. ["3-1-3-0", "5-0-5-0"]. */
  static List<String> breathingUsed(List<BreathPattern> begun) {
    if (begun.isEmpty()) {
      return List.of();
    }
    String first = begun.get(0).shortForm();
    String last = begun.get(begun.size() - 1).shortForm();
    return first.equals(last) ? List.of(first) : List.of(first, last);
  }
}
