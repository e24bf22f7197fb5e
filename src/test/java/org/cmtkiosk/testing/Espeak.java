package org.cmtkiosk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** espeak-ng (Debian package espeak-ng) speaking a sentence into a WAV file, for tests of real recognisers. */
public final class Espeak {
  private Espeak() {}

  /** Whether espeak-ng can be run here. */
  public static boolean installed() {
    try {
      return run(List.of("espeak-ng", "--version"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Speaks {@code text} with {@code voice} (e.g. "en-us") into {@code wav}; returns the file. */
  public static Path say(String voice, String text, Path wav) throws IOException {
    Files.createDirectories(wav.toAbsolutePath().getParent());
    if (!run(List.of("espeak-ng", "-v", voice, "-s", "150", "-w", wav.toString(), text))) {
      throw new IOException("espeak-ng could not speak '" + text + "'");
    }
    return wav;
  }

  private static boolean run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return false;
    }
  }
}
