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

/** Plays one practice to an output and says how it ended; {@link #stop} ends it with a short fade. */
public final class PracticeRun {
  /** The fade when someone says stop or presses Ctrl-C: short enough to feel immediate, long enough not to jar. */
  public static final Duration STOP_FADE = Duration.ofMillis(300);

  private final Practice practice;
  private final TimelineStream stream;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Outcome stopAs = Outcome.STOPPED_EARLY;

  public PracticeRun(Practice practice, Timeline timeline) {
    this.practice = practice;
    this.stream = new TimelineStream(timeline);
  }

  /** How a run went: the practice's journal entry, the paces reached, and why it failed if it did. */
  public record Result(PracticeDone done, List<Double> breathsPerMinute, Optional<IOException> failure) {}

  /** Plays to {@code out} until the end or a stop. An output that fails is reported in the result, not thrown. */
  public Result run(AudioOut out) {
    Outcome outcome;
    Optional<IOException> failure = Optional.empty();
    try {
      out.play(stream);
      outcome = stream.stopped() ? stopAs : Outcome.COMPLETED;
    } catch (IOException e) {
      outcome = Outcome.ERROR;
      failure = Optional.of(e);
    } finally {
      finished.countDown();
    }
    List<BreathPattern> begun = stream.breathsBegun();
    return new Result(new PracticeDone(practice.id(), practice.version(), outcome, breathingUsed(begun)),
        begun.stream().map(BreathPattern::breathsPerMinute).toList(), failure);
  }

  public Practice practice() {
    return practice;
  }

  /** The live stream, for controls (pause, volume, pace, tone) and for the LED to follow. */
  public TimelineStream stream() {
    return stream;
  }

  /** Asks the run to fade out and end; safe from any thread, e.g. a shutdown hook. */
  public void stop() {
    stream.stop(STOP_FADE);
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
