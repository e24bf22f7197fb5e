package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user runs them, with a config that points at temporary folders. */
class CommandLineTest {
  @TempDir
  Path dir;

  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() {
    config = Scripts.write(dir, "kiosk.yaml", """
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
        journal:
          directory: journal
        """.formatted(Path.of("scripts").toAbsolutePath(), Path.of("target/test-speech-cache").toAbsolutePath()));
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void validateWithoutFilesChecksTheScriptsFolderAndPassesOnShippedScripts() {
    assertEquals(0, run("validate", "--config", config.toString()), err::toString);
    assertTrue(err.toString().contains("0 file(s) with problems"), err::toString);
  }

  @Test
  void validatePrintsEveryProblemAndExitsNonZero() {
    Path good = Scripts.write(dir, "fine.yaml", Scripts.HEADER.formatted("fine", "fine")
        + "  - say: You can stop at any time, say stop, or press the button once. Back to the room.\n");
    Path bad = Scripts.write(dir, "bad.yaml", Scripts.HEADER.formatted("bad", "bad") + "  - pauze: 2s\n");

    assertEquals(1, run("validate", good.toString(), bad.toString()));

    assertEquals(bad + ":9:5: unknown step 'pauze' — did you mean 'pause'? expected one of: say, pause, breathe, "
        + "ask, chime", out.toString().strip());
    assertTrue(err.toString().contains("1 practice(s) valid, 1 file(s) with problems"), err::toString);
  }

  @Test
  void listShowsIdTitleAndEstimatedDuration() {
    assertEquals(0, run("list", "--config", config.toString()));
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("ID"), out::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("soothing-rhythm-breathing\\s+Soothing-rhythm breathing\\s+"
        + "\\d+m \\d+s")), out::toString);
  }

  @Test
  void aBrokenConfigIsListedWithLinesAndExitCode3() {
    Path broken = Scripts.write(dir, "broken.yaml", "tone:\n  level_dbfs: loud\n");
    assertEquals(Main.EXIT_CONFIG, run("list", "--config", broken.toString()));
    assertTrue(err.toString().contains(broken + ":2:15: 'level_dbfs' in the 'tone' settings is 'loud'"),
        err::toString);
  }

  @Test
  void anUnknownPracticeNamesTheOnesThatExist() {
    assertEquals(1, run("render", "nothing-like-this", "--out", dir.resolve("x.wav").toString(), "--config",
        config.toString()));
    assertTrue(err.toString().contains("There is no practice called 'nothing-like-this'. Known practices: "
        + "appreciation, body-scan,"), err::toString);
  }

  @Test
  void practiceWithoutASoundCardSaysSoWritesTheWavAndJournalsTheSession() throws Exception {
    assertEquals(0, run("practice", "breathing", "--config", config.toString(), "--fallback-dir", dir.toString()),
        err::toString);

    Path wav = dir.resolve("soothing-rhythm-breathing.wav");
    assertTrue(err.toString().startsWith("No sound output: no sound output named like 'no such device in tests'"),
        err::toString);
    assertTrue(err.toString().contains("Writing the practice to " + wav.toAbsolutePath() + " instead."),
        err::toString);
    assertTrue(AudioSystem.getAudioInputStream(wav.toFile()).getFrameLength() > 5 * 60 * 24_000);
    List<String> journal = Files.readAllLines(dir.resolve("journal/sessions.jsonl"));
    assertEquals(3, journal.size(), "start, practice event and end");
    assertTrue(journal.get(2).contains("\"practices\":[{\"practice\":\"soothing-rhythm-breathing\""),
        journal::toString);
    assertTrue(journal.get(2).contains("\"outcome\":\"completed\""), journal::toString);
    assertTrue(journal.get(2).contains("\"breathing\":[\"3-1-3-0\",\"5-0-5-0\"]"), journal::toString);
    assertTrue(out.toString().contains("Session completed; recorded in"), out::toString);
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    for (String command : List.of("list", "validate", "practice", "render", "prepare", "bench")) {
      assertTrue(out.toString().contains(command), out::toString);
    }
  }
}
