package org.cmtkiosk.pacer;

import java.io.PrintStream;

/** Shows the level as a bar on one terminal line, for seeing the pacer work on a machine without an LED. */
public final class ConsoleIndicator implements Indicator {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private String last = "";

  public ConsoleIndicator(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void show(double level) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, level)) * WIDTH);
    String line = "\r  LED [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
        + String.format("%3d%%", Math.round(level * 100));
    if (!line.equals(last)) {
      out.print(line);
      out.flush();
      last = line;
    }
  }

  @Override
  public synchronized void close() {
    out.println();
  }
}
