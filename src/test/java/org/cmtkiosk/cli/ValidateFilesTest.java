package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.cmtkiosk.testing.Scripts;
import org.cmtkiosk.testing.SpecialFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `validate` as a user runs it on files that are not files, on one file of a library, and without grounding. */
class ValidateFilesTest {
  /** "Answers within a second" on a warm JVM; generous for a busy CI machine, far below "hangs". */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private Path scripts;
  private Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /**
   * The shipped grounding script under another id and spoken name: it keeps every content rule (whatever they are
   * as the scripts are rewritten), so only the library-wide checks can fail.
   */
  private Path script(String id, String spokenName) throws IOException {
    String grounding = Files.readString(Path.of("scripts/grounding.yaml"));
    return Scripts.write(scripts, id + ".yaml", grounding
        .replaceFirst("(?m)^id: .*$", "id: " + id)
        .replaceFirst("(?m)^spoken_name: .*$", "spoken_name: " + spokenName));
  }

  @BeforeEach
  void library() throws Exception {
    scripts = Files.createDirectory(dir.resolve("scripts"));
    script("grounding", "grounding");
    script("calm-one", "calm");
    config = Scripts.write(dir, "kiosk.yaml", "practices:\n  directory: " + scripts + "\n");
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return assertTimeoutPreemptively(AT_ONCE, () -> cli.execute(args));
  }

  @Test
  void aFifoAndALinkToDevZeroAnswerAtOnceWithOneLineEach() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    Path fifo = SpecialFiles.fifo(dir.resolve("pipe.yaml"));
    Path zero = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));

    assertEquals(1, run("validate", "--config", config.toString(), fifo.toString(), zero.toString()));

    assertEquals(2, out.toString().lines().count(), out::toString);
    assertTrue(out.toString().contains(fifo + ":1:1: this is a named pipe (FIFO), not a regular file — "), out::toString);
    assertTrue(out.toString().contains(zero + ":1:1: this is a character device"), out::toString);
  }

  @Test
  void aFifoAsTheConfigIsAConfigProblemAtOnce() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("config.yaml"));
    assertEquals(Main.EXIT_CONFIG, run("list", "--config", fifo.toString()));
    assertTrue(err.toString().contains("named pipe (FIFO)"), err::toString);
  }

  @Test
  void validatingOneNewFileFindsTheDuplicateSpokenNameInTheRestOfTheLibrary() throws IOException {
    Path added = script("calm-two", "calm");
    Files.setLastModifiedTime(added, FileTime.fromMillis(System.currentTimeMillis() + 5000));

    assertEquals(1, run("validate", "--config", config.toString(), added.toString()));

    assertEquals(1, out.toString().lines().count(), out::toString);
    assertTrue(out.toString().matches("(?s)" + java.util.regex.Pattern.quote(added.toString())
        + ":\\d+:14: the spoken name 'calm' is already used by "
        + java.util.regex.Pattern.quote(scripts.resolve("calm-one.yaml").toString()) + ":\\d+:14 — .*"), out::toString);
  }

  @Test
  void theWholeFixtureLibraryIsValid() {
    assertEquals(0, run("validate", "--config", config.toString()), out::toString);
  }

  @Test
  void validateSaysLoudlyWhenTheGroundingPracticeIsBroken() {
    Scripts.write(scripts, "grounding.yaml", "id: grounding\n");

    assertEquals(1, run("validate", "--config", config.toString()));

    assertTrue(out.toString().contains("NO SAFETY LANDING: the grounding practice is not valid"), out::toString);
  }
}
