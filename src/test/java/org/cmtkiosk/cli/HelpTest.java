package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Every command answers --help with exit 0, an example and the exit codes, and the README lists the same commands. */
class HelpTest {
  private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z-]+)[^`]*` \\|");

  private static Set<String> commands() {
    return new TreeSet<>(Main.commandLine().getSubcommands().keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyCommandTakesHelpAndShowsAnExampleAndTheExitCodes() {
    return commands().stream().map(name -> DynamicTest.dynamicTest(name + " --help", () -> {
      CommandLine cli = Main.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      assertEquals(0, cli.execute(name, "--help"), err::toString);

      String help = out.toString();
      assertTrue(help.startsWith("Usage: cmt-kiosk " + name) || name.equals("help"), help);
      assertTrue(help.contains("Exit codes:") && help.contains("4   An output file"), help);
      if (!name.equals("help")) {
        assertTrue(help.contains("Example") && help.contains("  cmt-kiosk " + name), help);
      }
    }));
  }

  @Test
  void readmeCommandsTableListsExactlyTheCommandsHelpShows() throws IOException {
    Set<String> inReadme = new TreeSet<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Commands");
      }
      Matcher m = README_ROW.matcher(line);
      if (inSection && m.find()) {
        inReadme.add(m.group(1));
      }
    }
    assertEquals(commands(), inReadme, "the README's Commands table and 'cmt-kiosk --help' disagree");
  }

  @Test
  void readmeListsEveryExitCodeTheHelpShows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String code : Main.commandLine().getCommandSpec().usageMessage().exitCodeList().keySet()) {
      assertTrue(readme.contains("| " + code.strip() + " |"), "README has no row for exit code " + code);
    }
  }
}
