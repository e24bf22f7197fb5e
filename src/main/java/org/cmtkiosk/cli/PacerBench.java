package org.cmtkiosk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.cmtkiosk.breath.BreathBlock;
import org.cmtkiosk.breath.BreathCurve;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.pacer.PacerLoop;

/**
 * Runs a real-time breathing block twice at once: driven by {@link PacerLoop} (deadlines from the start time, level
 * from the clock) and by a naive loop that sleeps 20 ms between updates and counts time as updates × 20 ms.
 * Jitter: how late each update is against its due time. End drift: at the block's end, how far the time the loop
 * used for the light lags the true clock.
 */
final class PacerBench {
  private final Duration length;

  PacerBench(Duration length) {
    this.length = length;
  }

  /** What one loop did: lateness of each update against its schedule, and how late it saw the block end. */
  record Result(List<Long> latenessNanos, long endDriftNanos) {
    double percentileMs(double p) {
      List<Long> sorted = new ArrayList<>(latenessNanos);
      Collections.sort(sorted);
      return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }

    String describe() {
      return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, end drift %.1f ms", percentileMs(0.5),
          percentileMs(0.99), endDriftNanos / 1e6);
    }
  }

  List<Result> run() throws InterruptedException {
    BreathSchedule schedule = BreathSchedule.of(BreathBlock.ofTotal(BreathPattern.ofSeconds(5, 0, 5, 0), null, 1,
        length));
    Result[] results = new Result[2];
    CountDownLatch done = new CountDownLatch(2);
    long start = System.nanoTime();
    new Thread(() -> {
      results[0] = deadlineLoop(schedule, start);
      done.countDown();
    }, "bench-deadline").start();
    new Thread(() -> {
      results[1] = naiveLoop(schedule, start);
      done.countDown();
    }, "bench-naive").start();
    done.await();
    return List.of(results);
  }

  private Result deadlineLoop(BreathSchedule schedule, long start) {
    long period = PacerLoop.PERIOD.toNanos();
    List<Long> lateness = new ArrayList<>();
    long[] clockRead = {0};
    long[] drift = {-1};
    CountDownLatch finished = new CountDownLatch(1);
    PacerLoop[] loop = new PacerLoop[1];
    loop[0] = new PacerLoop(level -> {
      long now = System.nanoTime();
      long loopStart = loop[0].startedAt();
      lateness.add(now - (loopStart + Math.max(1, (now - loopStart) / period) * period));
      if (level == -1 && drift[0] < 0) {
        drift[0] = now - clockRead[0];
        finished.countDown();
      }
    }, () -> {
      clockRead[0] = System.nanoTime();
      var p = schedule.at(Duration.ofNanos(clockRead[0] - start));
      return p.finished() ? -1 : BreathCurve.level(p);
    }, System::nanoTime);
    loop[0].start();
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop[0].close();
    return new Result(lateness, drift[0]);
  }

  /** The loop we avoid: it believes k updates of 20 ms have taken exactly k × 20 ms. */
  private Result naiveLoop(BreathSchedule schedule, long start) {
    List<Long> lateness = new ArrayList<>();
    long period = PacerLoop.PERIOD.toNanos();
    for (long k = 1; ; k++) {
      try {
        Thread.sleep(PacerLoop.PERIOD.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = System.nanoTime();
      lateness.add(now - (start + k * period));
      if (schedule.at(Duration.ofNanos(k * period)).finished()) {
        return new Result(lateness, now - (start + schedule.length().toNanos()));
      }
    }
    return new Result(lateness, 0);
  }
}
