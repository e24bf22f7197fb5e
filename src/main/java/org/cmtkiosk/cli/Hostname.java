package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This device's name, safe as part of a file name, to tell devices' exports apart. */
final class Hostname {
  private Hostname() {}

  static String get() {
    for (String source : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      try {
        String name = Files.readString(Path.of(source)).strip().replaceAll("[^A-Za-z0-9._-]", "-");
        if (!name.isEmpty()) {
          return name;
        }
      } catch (IOException e) {
        // Try the next place.
      }
    }
    return "device";
  }
}
