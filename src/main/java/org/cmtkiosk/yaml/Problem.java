package org.cmtkiosk.yaml;

import java.nio.file.Path;

/** One thing wrong in a file: where it is, what is wrong, and how to fix it. */
public record Problem(Path file, int line, int column, String what, String fix) {

  /** Formats as {@code path:line:column: what is wrong — how to fix it}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + what + " — " + fix;
  }
}
