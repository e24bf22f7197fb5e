package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An output path that cannot be written is one line with the fix and exit code 4, never a stack trace. */
class OutputPathsTest {
  @TempDir
  Path dir;

  private Path config;
  private Path mounted;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() {
    config = Scripts.write(dir, "kiosk.yaml", """
        practices:
          directory: %s
        speech:
          cache_directory: %s
        journal:
          directory: journal
        """.formatted(Path.of("scripts").toAbsolutePath(), Path.of("target/test-speech-cache").toAbsolutePath()));
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    return cli.execute(all);
  }

  private void assertOneLine(String expected) {
    String text = err.toString().strip();
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.contains(expected), text);
    assertTrue(text.contains(" — "), "names the fix: " + text);
    assertFalse(text.contains("Exception") || text.contains("\tat "), text);
  }

  @Test
  void renderToAPlaceWhereNoFileCanBeMadeIsOneLineBeforeAnySynthesis() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    assertEquals(Main.EXIT_CANNOT_WRITE, run("render", "grounding", "--out", "/proc/x"));
    assertOneLine("render: cannot write /proc/x (--out): no new files can be made in /proc — choose a place");
    assertEquals("", out.toString());
  }

  @Test
  void renderIntoAMissingFolderNamesTheFolder() {
    assertEquals(Main.EXIT_CANNOT_WRITE, run("render", "grounding", "--out", dir.resolve("no/such/x.wav").toString()));
    assertOneLine("no such file or directory — choose a folder that exists, or create it first");
  }

  @Test
  void reportIntoAPathThroughAFileSaysSo() {
    Path file = Scripts.write(dir, "file.txt", "not a folder");
    assertEquals(Main.EXIT_CANNOT_WRITE, run("report", "--out", file.resolve("report").toString()));
    assertOneLine("(--out): not a directory — part of the path is a file");
  }

  @Test
  void aWriteThatFailsMidwayIsOneLineToo() throws IOException {
    Path report = Files.createDirectories(dir.resolve("report"));
    Files.createDirectory(report.resolve("sessions.csv"));
    Files.createFile(Files.createDirectories(dir.resolve("journal")).resolve("sessions.jsonl"));
    assertEquals(Main.EXIT_CANNOT_WRITE, run("report", "--out", report.toString()));
    assertOneLine("report: cannot write " + report.resolve("sessions.csv") + " (--out): is a directory");
  }

  @Test
  void reportOnAReadOnlyDiskIsOneLine() throws Exception {
    mounted = Files.createDirectory(dir.resolve("ro"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mounted.toString())
        .redirectErrorStream(true).start();
    if (mount.waitFor() != 0) {
      mounted = null;
      assumeTrue(false, "cannot mount a read-only tmpfs here (needs root): "
          + new String(mount.getInputStream().readAllBytes()).strip());
    }
    assertEquals(Main.EXIT_CANNOT_WRITE, run("report", "--out", mounted.resolve("report").toString()));
    assertOneLine("(--out): read-only file system — that disk is mounted read-only");
  }
}
