package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate} applies every content rule to a copied script, naming the line, column and fix of each. */
class ValidateContentTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int validate(Path file) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("validate", file.toString());
  }

  /** The shipped safe place, copied under a new id and name, with {@code line} added to its second 'say' step. */
  private Path copyOfSafePlace(String line) throws Exception {
    String text = shippedSafePlace();
    int second = text.indexOf("  - say: |\n", text.indexOf("  - say: |\n") + 1) + "  - say: |\n".length();
    return write(text.substring(0, second) + "      " + line + "\n" + text.substring(second));
  }

  /** The line number {@link #copyOfSafePlace(String)} puts its line on. */
  private int addedLine() throws Exception {
    String text = shippedSafePlace();
    int second = text.indexOf("  - say: |\n", text.indexOf("  - say: |\n") + 1);
    return (int) text.substring(0, second).lines().count() + 2;
  }

  private static String shippedSafePlace() throws Exception {
    return Files.readString(Path.of("scripts/safe-place.yaml")).replace("id: safe-place", "id: my-place")
        .replace("title: A safe place", "title: A copy for testing").replace("spoken_name: safe place",
            "spoken_name: lantern");
  }

  private Path write(String text) throws Exception {
    Path copy = dir.resolve("my-place.yaml");
    Files.writeString(copy, text);
    return copy;
  }

  @Test
  void theShippedScriptCopiedUnderANewNamePasses() throws Exception {
    assertEquals(0, validate(write(shippedSafePlace())), out::toString);
  }

  @Test
  void aCopiedScriptThatAssumesAFaithFailsWithItsPlaceAndFix() throws Exception {
    Path copy = copyOfSafePlace("You might pray in your own way.");
    assertEquals(1, validate(copy));
    List<String> lines = out.toString().lines().toList();
    assertEquals(1, lines.size(), out::toString);
    assertTrue(lines.get(0).startsWith(copy + ":" + addedLine() + ":17: 'pray' assumes a faith the listener may not "
        + "share — offer a neutral choice"), lines::toString);
  }

  @Test
  void aCopiedScriptWithAWrongStopInstructionFails() throws Exception {
    Path copy = write(shippedSafePlace().replace("press the button once", "hold the button"));
    assertEquals(1, validate(copy));
    String problems = out.toString();
    assertTrue(problems.contains("a long hold is not the way out"), problems);
    assertTrue(problems.contains("the practice never says how to stop with the real controls"), problems);
  }

  @Test
  void aCopiedScriptThatAssumesAChairAndAClaimOfSafetyFails() throws Exception {
    Path copy = copyOfSafePlace("You are safe. Notice the chair holding you.");
    assertEquals(1, validate(copy));
    String problems = out.toString();
    assertTrue(problems.contains("'You are safe' promises safety the device cannot know"), problems);
    assertTrue(problems.contains("'chair' is said as if every listener has it"), problems);
  }
}
