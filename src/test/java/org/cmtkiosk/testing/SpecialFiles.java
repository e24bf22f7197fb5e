package org.cmtkiosk.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/** Files that are not regular files, for tests that must never block on them. */
public final class SpecialFiles {
  private SpecialFiles() {}

  /** Makes a named pipe with {@code mkfifo}; the test is skipped where there is no mkfifo. */
  public static Path fifo(Path file) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not installed: " + e.getMessage());
      throw e;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo could not make a FIFO in " + file.getParent());
    return file;
  }
}
