package org.cmtkiosk.pacer;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Updates an indicator at a steady rate from a level source that reads the shared clock (the audio position). Each
 * wake-up is scheduled from the loop's start time, never by adding sleeps, so the updates cannot drift; and each
 * level is computed from the clock at that moment, so a late wake-up shows the right level, just late. The
 * indicator is closed by the loop's own thread when it ends, never while it is being written to.
 */
public final class PacerLoop implements AutoCloseable {
  /** 50 updates a second: smoother than the eye can follow, cheap on a Pi. */
  public static final Duration PERIOD = Duration.ofMillis(20);

  private final Indicator indicator;
  private final DoubleSupplier level;
  private final LongSupplier nanoClock;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long startNanos;
  private volatile boolean started;
  private Consumer<Exception> onFailure = e -> { };

  /**
   * @param level the level to show now (reads the audio position or another clock)
   * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
   */
  public PacerLoop(Indicator indicator, DoubleSupplier level, LongSupplier nanoClock) {
    this(indicator, level, nanoClock, r -> new Thread(r, "pacer-led"));
  }

  /** As above, with the loop's thread made by {@code threads} (e.g. in the live session's thread group). */
  public PacerLoop(Indicator indicator, DoubleSupplier level, LongSupplier nanoClock, ThreadFactory threads) {
    this.indicator = indicator;
    this.level = level;
    this.nanoClock = nanoClock;
    this.thread = threads.newThread(this::run);
    this.thread.setDaemon(true);
    this.thread.setPriority(Thread.MAX_PRIORITY);
  }

  /** Tells {@code onFailure} (once) if the indicator or the level source throws; the loop then ends. */
  public PacerLoop onFailure(Consumer<Exception> onFailure) {
    this.onFailure = onFailure;
    return this;
  }

  /** Starts updating on its own thread. */
  public PacerLoop start() {
    started = true;
    thread.start();
    return this;
  }

  /** One update: shows the level for now. Tests call this directly with a simulated clock. */
  public void tick() {
    indicator.show(level.getAsDouble());
  }

  /** When the loop's thread started; update k is due at this plus k periods. */
  public long startedAt() {
    return startNanos;
  }

  private void run() {
    try {
      loop();
    } catch (RuntimeException e) {
      onFailure.accept(e);
    } finally {
      closeIndicator();
    }
  }

  private void closeIndicator() {
    try {
      indicator.close();
    } catch (RuntimeException e) {
      onFailure.accept(e);
    }
  }

  private void loop() {
    long start = nanoClock.getAsLong();
    startNanos = start;
    long period = PERIOD.toNanos();
    for (long k = 1; running; k++) {
      long deadline = start + k * period;
      long wait;
      while (running && (wait = deadline - nanoClock.getAsLong()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (nanoClock.getAsLong() - deadline > period) {
        k = (nanoClock.getAsLong() - start) / period;
      }
      tick();
    }
  }

  /** Ends the loop; its thread closes the indicator (here, if the loop never started). */
  @Override
  public void close() {
    running = false;
    if (!started) {
      closeIndicator();
      return;
    }
    LockSupport.unpark(thread);
    try {
      thread.join(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
