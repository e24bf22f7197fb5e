package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page and the bash completion the build generates for the package. */
class GeneratedDocsTest {
  @TempDir
  Path dir;

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, command.get(0) + " is not installed");
      throw e;
    }
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), command + ": " + output);
    return output;
  }

  @Test
  void theManPageHasEveryCommandAndExitCodeAndGroffFindsNothingWrong() throws Exception {
    Path man = GeneratedDocs.write(dir, "9.9").get(0);
    String roff = Files.readString(man);

    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(roff.contains("\n.SS " + command + "\n"), "no section for " + command);
    }
    assertTrue(roff.startsWith(".TH CMT-KIOSK 1 "), roff);
    assertTrue(roff.contains(".SH EXIT STATUS\n.TP\n.B 0\n"), roff);
    assertTrue(roff.contains("\\fB\\-\\-out\\fR=\\fIFILE.wav\\fR"), "options are bold, their values italic");
    assertTrue(roff.lines().noneMatch(l -> l.startsWith(".") && l.length() > 1 && l.charAt(1) == ' '), roff);
    assertTrue(roff.chars().allMatch(c -> c < 128), "non-ASCII is escaped for roff");

    String warnings = run(List.of("groff", "-man", "-Tutf8", "-ww", "-z", man.toString()));
    assertEquals("", warnings.strip(), "groff warnings");
  }

  @Test
  void theCompletionScriptIsValidBashAndCompletesEveryCommand() throws Exception {
    Path completion = GeneratedDocs.write(dir, "9.9").get(1);
    String script = Files.readString(completion);
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(script.contains(command), "no completion for " + command);
    }
    String registered = run(List.of("bash", "-c", "source " + completion + " && complete -p cmt-kiosk"));
    assertTrue(registered.contains("cmt-kiosk"), registered);
  }

  @Test
  void roffTextIsEscaped() {
    assertEquals("\\&.hidden \\- a\\eb \\(em \\[u00E9]", ManPage.text(".hidden - a\\b \u2014 \u00e9"));
    assertTrue(ManPage.of(Main.commandLine(), "1", LocalDate.of(2026, 1, 2)).contains("\"2026-01-02\""));
  }
}
