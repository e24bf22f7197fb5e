package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** Progress away from a terminal (the prepare service's journal) is plain lines, not a bar redrawn with '\r'. */
class BarsTest {
  @Test
  void awayFromATerminalProgressIsPlainLinesEndingWithTheTotal() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (ProgressBar bar = Bars.on("Speech", 3, " sentences", false)) {
      bar.stepBy(3);
    } finally {
      System.setErr(before);
    }
    String out = err.toString(StandardCharsets.UTF_8);

    assertFalse(out.contains("\r"), "no carriage returns in a log: " + out);
    assertTrue(out.strip().lines().reduce((a, b) -> b).orElse("").contains("3/3"), "the last line is the total: " + out);
  }
}
