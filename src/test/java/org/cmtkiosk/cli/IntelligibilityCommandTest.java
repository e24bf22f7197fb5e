package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench intelligibility} end to end on one short practice: real voice, real PocketSphinx, a printed figure.
 * Its sentences are ones the shipped practices speak, so the test speech cache already holds them.
 */
class IntelligibilityCommandTest {
  @TempDir
  Path dir;

  @Test
  void theVersion5OutputIsReadUtteranceByUtterance() throws Exception {
    assertEquals("you can stop at any time thank you", PocketSphinx.textOfJsonLines(
        "{\"b\":0.000,\"d\":1.230,\"p\":1.000,\"t\":\"you can stop at any time\",\"w\":[]}\n"
            + "{\"b\":2.000,\"d\":0.800,\"p\":1.000,\"t\":\"thank you\"}\n"));
  }

  @Test
  void aShortPracticeIsRenderedTranscribedAndScored() throws Exception {
    assumeTrue(PocketSphinx.find().isPresent(), "PocketSphinx is not installed (" + PocketSphinx.INSTALL + ")");
    Path scripts = Files.createDirectories(dir.resolve("scripts"));
    Scripts.write(scripts, "thanks.yaml", Scripts.HEADER.formatted("thanks", "thanks")
        + "  - say: To stop at any time, say stop, or press the button once.\n"
        + "  - say: If it feels right, find a comfortable position and let your face relax.\n"
        + "  - say: When you are ready, let your eyes open, and come back to this room.\n");
    Path config = Scripts.write(dir, "kiosk.yaml", "practices:\n  directory: %s\nspeech:\n  cache_directory: %s\n"
        .formatted(scripts, Path.of("target/test-speech-cache").toAbsolutePath()));
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    assertEquals(0, cli.execute("bench", "intelligibility", "--practice", "thanks", "--transcripts",
        dir.resolve("tx").toString(), "--config", config.toString()), out::toString);

    assertTrue(out.toString().contains("Recogniser: "), out::toString);
    assertTrue(out.toString().lines().anyMatch(l -> l.matches("\\| thanks +\\| +39 \\| +[01]\\.\\d{3} \\|.*")),
        out::toString);
    assertTrue(Files.readString(dir.resolve("tx/thanks.txt")).startsWith("SCRIPT: to stop at any time"));
  }
}
