package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Finds mounted USB sticks: file systems mounted under /media or /run/media (where desktops and usbmount put them). */
final class UsbSticks {
  static final List<Path> ROOTS = List.of(Path.of("/media"), Path.of("/run/media"));
  private static final Path MOUNTS = Path.of("/proc/self/mounts");

  private UsbSticks() {}

  /** A mounted stick and whether it is mounted read-only. */
  record Mount(Path path, boolean readOnly) {}

  /** The sticks mounted now (none where /proc/self/mounts cannot be read). */
  static List<Mount> mounted() {
    try {
      return parse(Files.readAllLines(MOUNTS), ROOTS);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The mounts in {@code mountsLines} (the format of /proc/self/mounts) below one of {@code roots}. */
  static List<Mount> parse(List<String> mountsLines, List<Path> roots) {
    List<Mount> found = new ArrayList<>();
    for (String line : mountsLines) {
      String[] fields = line.split(" ");
      if (fields.length < 4) {
        continue;
      }
      Path point = Path.of(unescape(fields[1]));
      if (roots.stream().anyMatch(root -> point.startsWith(root) && !point.equals(root))) {
        found.add(new Mount(point, Arrays.asList(fields[3].split(",")).contains("ro")));
      }
    }
    return found;
  }

  /** The kernel writes a space in a mount point as \040 (and tab, newline, backslash likewise in octal). */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
