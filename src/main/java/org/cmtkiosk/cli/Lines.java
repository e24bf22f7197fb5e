package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** Whole lines to a terminal or the service log, flushed at once, safe from any thread. */
final class Lines {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Lines() {}

  /** Each message as one flushed line. */
  static Consumer<String> to(PrintWriter out) {
    return line -> {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    };
  }

  /** What the kiosk says and hears, as timestamped subtitles: "[09:14:02] says: Welcome." */
  static Consumer<String> subtitles(PrintWriter out) {
    Consumer<String> lines = to(out);
    return text -> lines.accept("[" + LocalTime.now().format(TIME) + "] " + text);
  }
}
