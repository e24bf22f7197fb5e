package org.cmtkiosk.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, so stdout stays clean for output others may parse. On a terminal the bar redraws itself in
 * place; elsewhere (the systemd journal of the prepare service, a log file) it is a plain line every
 * {@value #LOGGED_EVERY_MS} ms and one at the end, never carriage returns.
 */
final class Bars {
  static final int LOGGED_EVERY_MS = 30_000;

  private Bars() {}

  static ProgressBar on(String task, long max, String unit) {
    return on(task, max, unit, System.console() != null);
  }

  static ProgressBar on(String task, long max, String unit, boolean terminal) {
    ProgressBarBuilder bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(unit, 1);
    if (terminal) {
      return bar.setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
    return bar.setUpdateIntervalMillis(LOGGED_EVERY_MS).setConsumer(new DelegatingProgressBarConsumer(
        line -> System.err.println(line.strip()))).build();
  }
}
