package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryTest {
  @TempDir
  Path dir;

  @Test
  void brokenPracticeFileDoesNotHideOthers() {
    Scripts.practice(dir, "calm-one", "  - say: Hello.\n");
    Scripts.write(dir, "broken.yaml", "id: [oops\n");
    Scripts.practice(dir, "calm-two", "  - say: Hello again.\n");

    Library library = Library.load(dir);

    assertEquals(2, library.practices().size());
    assertEquals(1, library.problems().size());
    assertTrue(library.problems().get(0).file().endsWith("broken.yaml"));
  }

  @Test
  void duplicateSpokenNamesAreReportedAndTheSecondSkipped() {
    Scripts.write(dir, "a-one.yaml", Scripts.HEADER.formatted("a-one", "calm") + "  - say: Hi.\n");
    Scripts.write(dir, "b-two.yaml", Scripts.HEADER.formatted("b-two", "calm") + "  - say: Hi.\n");

    Library library = Library.load(dir);

    assertEquals(1, library.practices().size());
    assertTrue(library.problems().get(0).what().contains("spoken_name 'calm' is already used"),
        library.problems()::toString);
  }

  @Test
  void practicesAreFoundByIdOrSpokenName() {
    Scripts.practice(dir, "safe-place", "  - say: Hello.\n");
    Library library = Library.load(dir);
    assertTrue(library.find("safe-place").isPresent());
    assertTrue(library.find("Safe Place").isPresent());
    assertTrue(library.find("nowhere").isEmpty());
  }

  @Test
  void missingScriptsDirectoryIsOneClearProblem() {
    Library library = Library.load(dir.resolve("nope"));
    assertTrue(library.practices().isEmpty());
    assertTrue(library.problems().get(0).fix().contains("practices.directory"));
  }

  @Test
  void everyShippedPracticeIsValid() {
    Library library = Library.load(Path.of("scripts"),
        new ContentRules(org.cmtkiosk.config.Defaults.config().maxSilence()));
    assertEquals(java.util.List.of(), library.problems());
    assertTrue(library.find("soothing-rhythm-breathing").isPresent());
  }
}
