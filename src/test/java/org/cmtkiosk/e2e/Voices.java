package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A synthetic person speaking: espeak-ng's words as WAV files, to be played into the virtual microphone. */
final class Voices {
  private Voices() {}

  /** Skips the calling test, saying why, when espeak-ng is not installed. */
  static void assumeInstalled() {
    assumeTrue(VirtualSoundCard.onPath("espeak-ng"), "espeak-ng is not installed: apt-get install espeak-ng "
        + "(.ci/run does this as root)");
  }

  /** {@code words} said by espeak-ng's US English voice at an unhurried 150 words a minute, as a WAV in {@code dir}. */
  static Path say(Path dir, String words) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path wav = dir.resolve("said-" + words.replaceAll("\\W+", "-") + ".wav");
    Process p = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "-w", wav.toString(), words)
        .redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("espeak-ng failed: " + new String(p.getInputStream().readAllBytes()));
    }
    return wav;
  }
}
