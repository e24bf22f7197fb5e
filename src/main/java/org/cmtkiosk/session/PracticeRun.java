package org.cmtkiosk.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.practice.Practice;

/**
 * Plays one practice to an output and says how it ended; {@link #stop} ends it with a short fade. A run can exist
 * before its sound is laid out (the live session lays it out on its audio thread): a stop asked for before then is
 * kept, and the run then never starts.
 */
public final class PracticeRun {
  /** The fade when someone says stop or presses Ctrl-C, where the output has no faster hush of its own. */
  public static final Duration STOP_FADE = Duration.ofMillis(100);

  private final Practice practice;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile TimelineStream stream;
  private volatile boolean stopRequested;
  private volatile Outcome stopAs = Outcome.STOPPED_EARLY;

  /** A run whose sound is laid out later, by {@link #begin}. */
  public PracticeRun(Practice practice) {
    this.practice = practice;
  }

  public PracticeRun(Practice practice, Timeline timeline) {
    this(practice);
    begin(timeline);
  }

  /** How a run went: the practice's journal entry, the paces reached, and why it failed if it did. */
  public record Result(PracticeDone done, List<Double> breathsPerMinute, Optional<Exception> failure) {}

  /** Gives the run its sound; false when a stop came first (the run then ends without playing). */
  public synchronized boolean begin(Timeline timeline) {
    stream = new TimelineStream(timeline);
    if (stopRequested) {
      stream.stop(Duration.ZERO);
    }
    return !stopRequested;
  }

  /** Whether the sound is laid out, so controls apply. */
  public boolean begun() {
    return stream != null;
  }

  /** Plays to {@code out} until the end or a stop. An output that fails is reported in the result, not thrown. */
  public Result run(AudioOut out) {
    Outcome outcome;
    Optional<Exception> failure = Optional.empty();
    try {
      out.play(stream);
      outcome = stream.stopped() ? stopAs : Outcome.COMPLETED;
    } catch (IOException e) {
      outcome = Outcome.ERROR;
      failure = Optional.of(e);
    } finally {
      finished.countDown();
    }
    return result(outcome, failure);
  }

  /** Ends the run without playing it, or after {@code cause} broke it. */
  public Result failed(Exception cause) {
    finished.countDown();
    return result(Outcome.ERROR, Optional.of(cause));
  }

  /** Ends a run that was stopped before its sound was ready. */
  public Result stoppedBeforeStart() {
    finished.countDown();
    return result(stopAs, Optional.empty());
  }

  /** How the run stands now, as if it ended here because it was stopped (for a session ended mid-practice). */
  public Result stoppedHere() {
    return result(stopAs, Optional.empty());
  }

  private Result result(Outcome outcome, Optional<Exception> failure) {
    TimelineStream s = stream;
    List<BreathPattern> begun = s == null ? List.of() : s.breathsBegun();
    return new Result(new PracticeDone(practice.id(), practice.version(), outcome, breathingUsed(begun)),
        begun.stream().map(BreathPattern::breathsPerMinute).toList(), failure);
  }

  public Practice practice() {
    return practice;
  }

  /** The live stream, for controls (pause, volume, pace, tone) and for the LED to follow. */
  public TimelineStream stream() {
    TimelineStream s = stream;
    if (s == null) {
      throw new IllegalStateException(practice.id() + " is not laid out yet");
    }
    return s;
  }

  /** Asks the run to fade out and end; safe from any thread, e.g. a shutdown hook. */
  public synchronized void stop() {
    stopRequested = true;
    if (stream != null) {
      stream.stop(STOP_FADE);
    }
  }

  /** Whether a stop was asked for. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Ends the run as "ended early — grounding offered" (the caller goes on to the grounding practice). */
  public void stopForGrounding() {
    stopAs = Outcome.GROUNDING_OFFERED;
    stop();
  }

  /** Waits for the run to finish. */
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
