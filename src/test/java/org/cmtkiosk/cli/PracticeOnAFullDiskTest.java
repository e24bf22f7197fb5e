package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.testing.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A practice with its journal on a full disk (to the last byte of the journal's own last block, behind a line a
 * power cut tore) runs, twice in a row, with one clear line and no stack trace.
 */
class PracticeOnAFullDiskTest {
  @TempDir
  Path dir;

  @Test
  void grounding_runsTwiceOnAFullDiskWithOneClearLineEachTime() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 64)) {
      Path journal = disk.path().resolve("journal");
      Files.createDirectories(journal);
      String torn = "{\"record\":\"start\",\"session\":\"";
      Files.writeString(journal.resolve("sessions.jsonl"), torn + "x".repeat(4096 - torn.length()),
          StandardOpenOption.CREATE);
      disk.fill("filler");
      Path config = Scripts.write(dir, "kiosk.yaml", """
          practices:
            directory: %s
          speech:
            cache_directory: %s
          audio:
            device: "no such device in tests"
          led:
            mode: none
          button:
            enabled: false
          voice:
            enabled: false
          journal:
            directory: %s
          """.formatted(Path.of("scripts").toAbsolutePath(), Path.of("target/test-speech-cache").toAbsolutePath(),
          journal));

      for (int run = 1; run <= 2; run++) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertEquals(0, cli.execute("practice", "grounding", "--config", config.toString(), "--fallback-dir",
            dir.toString()), err::toString);

        List<String> journalLines = err.toString().lines().filter(l -> l.startsWith("Journal: ")).toList();
        assertEquals(1, journalLines.size(), err::toString);
        assertTrue(journalLines.get(0).contains("no space left on device"), journalLines::toString);
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err::toString);
        assertTrue(out.toString().contains("Session completed (not recorded: the journal could not be written)."),
            out::toString);
      }
    }
  }
}
