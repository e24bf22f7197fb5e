package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmtkiosk.cli.Main;
import org.cmtkiosk.config.ConfigLoader;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A site's own scripts folder (practices.site_directory) beside the shipped one, as the Debian package sets it. */
class SiteScriptsTest {
  @TempDir
  Path dir;

  /** One step that passes the content rules: an invitation, and a return to the room. */
  private static final String SAY = "  - say: If it feels right, you can rest here. You can stop at any time. Say stop, "
      + "or press the button once. Now come back to the room.\n";

  private Path shipped;
  private Path site;

  @BeforeEach
  void folders() throws Exception {
    shipped = Files.createDirectories(dir.resolve("shipped"));
    site = Files.createDirectories(dir.resolve("site"));
    for (String id : List.of("breathing", "grounding", "safe-place")) {
      Scripts.write(shipped, id + ".yaml", Scripts.HEADER.formatted(id, id.replace('-', ' '))
          + "  - say: The shipped " + id + ".\n");
    }
  }

  @Test
  void aSiteFileWithTheSameIdReplacesTheShippedPracticeAndANewOneIsAdded() {
    Scripts.write(site, "safe-place.yaml", Scripts.HEADER.formatted("safe-place", "safe place")
        + "  - say: Our ward's safe place.\n");
    Scripts.write(site, "our-ward.yaml", Scripts.HEADER.formatted("our-ward", "our ward") + "  - say: Hello.\n");

    Library library = Library.load(List.of(shipped, site), null);

    assertEquals(List.of(), library.problems());
    assertEquals(List.of("breathing", "grounding", "our-ward", "safe-place"),
        library.practices().stream().map(Practice::id).toList());
    assertEquals(site.resolve("safe-place.yaml"), library.find("safe-place").orElseThrow().source());
    assertEquals(shipped.resolve("grounding.yaml"), library.find("grounding").orElseThrow().source());
    assertEquals(java.util.Map.of("safe-place", shipped.resolve("safe-place.yaml")), library.overridden());
  }

  @Test
  void aSiteFileCannotTakeAShippedPracticesSpokenName() {
    Scripts.write(site, "calm.yaml", Scripts.HEADER.formatted("calm", "grounding") + "  - say: Hello.\n");

    Library library = Library.load(List.of(shipped, site), null);

    assertEquals(shipped.resolve("grounding.yaml"), library.find("grounding").orElseThrow().source());
    assertTrue(library.problems().stream().anyMatch(p -> p.file().equals(site.resolve("calm.yaml"))),
        () -> library.problems().toString());
  }

  @Test
  void aMissingSiteFolderChangesNothing() {
    Library library = Library.load(List.of(shipped, dir.resolve("no-such-folder")), null);

    assertEquals(3, library.practices().size());
    assertEquals(List.of(), library.problems());
  }

  @Test
  void theConfigReadsTheSiteFolderRelativeToItselfAndListSaysWhereEachPracticeComesFrom() throws Exception {
    for (String id : List.of("breathing", "grounding", "safe-place")) {
      Scripts.write(shipped, id + ".yaml", Scripts.HEADER.formatted(id, id.replace('-', ' ')) + SAY);
    }
    Scripts.write(site, "safe-place.yaml", Scripts.HEADER.formatted("safe-place", "safe place") + SAY);
    Scripts.write(site, "our-ward.yaml", Scripts.HEADER.formatted("our-ward", "our ward") + SAY);
    Path config = Scripts.write(dir, "kiosk.yaml", """
        practices:
          directory: shipped
          site_directory: site
        speech:
          cache_directory: cache
        """);
    assertEquals(site, ConfigLoader.read(config).siteScriptsDirectory());

    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("list", "--config", config.toString()));

    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).matches("ID\\s+TITLE\\s+DURATION\\s+FROM"), out::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("grounding\\s.*\\sshipped")), out::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("our-ward\\s.*\\ssite")), out::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("safe-place\\s.*\\ssite \\(replaces the shipped one\\)")),
        out::toString);
  }
}
