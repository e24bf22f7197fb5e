package org.cmtkiosk.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, reported with timing figures (they mean little without it). */
final class Load {
  private Load() {}

  /** The 1-minute load average and the number of cores, e.g. "3.52 on 2 cores". */
  static String average() {
    try {
      String one = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      return one + " on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
