package org.cmtkiosk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cmtkiosk.yaml.Problem;
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

  /** Writes a script whose file is {@code ageSeconds} old, so tests decide which file was there first. */
  private Path script(String id, String spokenName, long ageSeconds) {
    Path file = Scripts.write(dir, id + ".yaml", Scripts.HEADER.formatted(id, spokenName) + "  - say: Hello.\n");
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(ageSeconds)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String ids(Library library) {
    return library.practices().stream().map(Practice::id).toList().toString();
  }

  @Test
  void aSpokenNameClashKeepsTheOlderPracticeAndNamesBothFiles() {
    Path old = script("z-old", "calm", 3600);
    Path added = script("a-new", "calm", 0);

    Library library = Library.load(dir);

    assertEquals("[z-old]", ids(library));
    assertEquals(1, library.problems().size(), library.problems()::toString);
    Problem p = library.problems().get(0);
    assertEquals(added, p.file());
    assertEquals(3, p.line());
    assertTrue(p.toString().contains("a-new.yaml:3:14: the spoken name 'calm' is already used by " + old + ":3:14"),
        p::toString);
    assertTrue(p.fix().contains("z-old.yaml keeps the name"), p::toString);
  }

  @Test
  void aNewScriptCalledGroundingNeverDisplacesTheGroundingPractice() {
    script("grounding", "grounding", 0);
    script("a-calm", "grounding", 3600);

    Library library = Library.load(dir);

    assertEquals("[grounding]", ids(library));
    assertEquals("grounding", library.find("grounding").orElseThrow().id());
    assertEquals("grounding", library.grounding().orElseThrow().id());
    assertTrue(library.safetyLandingProblem().isEmpty());
    Problem p = library.problems().get(0);
    assertTrue(p.file().endsWith("a-calm.yaml"), p::toString);
    assertTrue(p.what().contains("'grounding' is the id of another practice, " + dir.resolve("grounding.yaml")),
        p::toString);
  }

  @Test
  void aSpokenNameThatIsAnotherPracticesIdIsRefusedWhicheverFileIsOlder() {
    script("safe-place", "my safe place", 0);
    script("a-calm", "safe place", 3600);

    Library library = Library.load(dir);

    assertEquals("[safe-place]", ids(library));
    assertTrue(library.problems().get(0).what().contains("is the id of another practice"),
        library.problems()::toString);
  }

  @Test
  void spokenNamesThatSoundAlikeAreFlaggedOnTheNewerFile() {
    script("kind-self", "compassionate self", 3600);
    script("self-kind", "self compassion", 0);

    Library library = Library.load(dir);

    assertEquals("[kind-self]", ids(library));
    Problem p = library.problems().get(0);
    assertTrue(p.file().endsWith("self-kind.yaml"), p::toString);
    assertTrue(p.what().contains("'self compassion' sounds too much like 'compassionate self' ("
        + dir.resolve("kind-self.yaml") + ":3:14)"), p::toString);
  }

  @Test
  void validatingOneFileFindsADuplicateSpokenNameElsewhereInTheLibrary() {
    script("calm-one", "calm", 3600);
    script("other", "something else", 3600);
    Path added = script("calm-two", "calm", 0);

    Library checked = Library.check(dir, List.of(added), null);

    assertEquals(List.of(), checked.practices());
    assertEquals(1, checked.problems().size(), checked.problems()::toString);
    assertTrue(checked.problems().get(0).what().contains("already used by " + dir.resolve("calm-one.yaml")),
        checked.problems()::toString);
  }

  @Test
  void aDraftFromElsewhereIsCheckedAgainstTheLibraryAndStandsInForItsOwnId() throws IOException {
    script("calm-one", "calm", 3600);
    script("grounding", "grounding", 3600);
    Path drafts = Files.createDirectory(dir.resolve("drafts"));
    Path draft = Scripts.write(drafts, "quiet.yaml", Scripts.HEADER.formatted("quiet", "calm") + "  - say: Hi.\n");
    Path groundingDraft = Scripts.write(drafts, "grounding.yaml",
        Scripts.HEADER.formatted("grounding", "grounding") + "  - say: Hi.\n");

    Library checked = Library.check(dir, List.of(draft, groundingDraft), null);

    assertEquals(List.of(groundingDraft), checked.practices().stream().map(Practice::source).toList());
    assertEquals(1, checked.problems().size(), checked.problems()::toString);
    assertEquals(draft, checked.problems().get(0).file());
  }

  @Test
  void validatingTheOlderFileStillShowsTheClashNamingIt() {
    Path old = script("calm-one", "calm", 3600);
    script("calm-two", "calm", 0);

    Library checked = Library.check(dir, List.of(old), null);

    assertEquals(1, checked.problems().size(), checked.problems()::toString);
    assertTrue(checked.problems().get(0).file().endsWith("calm-two.yaml"));
  }

  @Test
  void aMissingOrBrokenGroundingIsASafetyLandingProblem() {
    script("calm-one", "calm", 0);
    assertTrue(Library.load(dir).safetyLandingProblem().orElseThrow().what().contains("there is no grounding"));

    Scripts.write(dir, "grounding.yaml", "id: grounding\n");
    Problem p = Library.load(dir).safetyLandingProblem().orElseThrow();
    assertTrue(p.what().startsWith("NO SAFETY LANDING: the grounding practice is not valid"), p::toString);
    assertTrue(p.file().endsWith("grounding.yaml"));
  }

  @Test
  void aFifoAmongTheScriptsIsReportedAtOnceAndHidesNothing() throws Exception {
    script("calm-one", "calm", 0);
    org.cmtkiosk.testing.SpecialFiles.fifo(dir.resolve("pipe.yaml"));

    Library library = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Library.load(dir));

    assertEquals("[calm-one]", ids(library));
    assertTrue(library.problems().get(0).what().contains("FIFO"), library.problems()::toString);
  }

  @Test
  void aSiteFolderReplacesAShippedPracticeByIdButCannotTakeAShippedSpokenName() throws IOException {
    Path shipped = Files.createDirectory(dir.resolve("shipped"));
    Path site = Files.createDirectory(dir.resolve("site"));
    Scripts.write(shipped, "calm-one.yaml", Scripts.HEADER.formatted("calm-one", "calm") + "  - say: Shipped.\n");
    Path replaced = Scripts.write(shipped, "body-scan.yaml",
        Scripts.HEADER.formatted("body-scan", "body scan") + "  - say: Shipped.\n");
    Path local = Scripts.write(site, "body-scan.yaml",
        Scripts.HEADER.formatted("body-scan", "body scan") + "  - say: Ours.\n");
    Path taker = Scripts.write(site, "my-calm.yaml", Scripts.HEADER.formatted("my-calm", "calm") + "  - say: Hi.\n");
    Files.setLastModifiedTime(taker, FileTime.from(Instant.now().minusSeconds(86_400)));

    Library library = Library.load(List.of(shipped, site, dir.resolve("no-such-site")), null);

    assertEquals("[body-scan, calm-one]", ids(library));
    assertEquals(local, library.byId("body-scan").orElseThrow().source());
    assertEquals(java.util.Map.of("body-scan", replaced), library.overridden());
    assertEquals(taker, library.problems().get(0).file(), library.problems()::toString);
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
  void aCopiedScriptWithItsOwnProblemsIsStillCheckedAgainstTheLibrary() throws IOException {
    ContentRules rules = new ContentRules(org.cmtkiosk.config.Defaults.config().maxSilence());
    String shipped = Files.readString(Path.of("scripts/safe-place.yaml"));
    Files.writeString(dir.resolve("safe-place.yaml"), shipped);
    Path drafts = Files.createDirectories(dir.resolve("drafts"));
    Path copy = drafts.resolve("my-place.yaml");
    Files.writeString(copy, shipped.replaceFirst("(?m)^id: safe-place$", "id: my-place")
        .replaceFirst("(?m)^steps:\n", "steps:\n  - say: You might pray in your own way.\n"));

    Library checked = Library.check(dir, List.of(copy), rules);

    assertEquals(List.of(), checked.practices());
    String problems = checked.problems().toString();
    assertTrue(checked.problems().stream().anyMatch(p -> p.what().toLowerCase(java.util.Locale.ROOT)
        .contains("pray")), "the content rule: " + problems);
    assertTrue(checked.problems().stream().anyMatch(p -> p.what().contains("the spoken name 'safe place' is the id "
        + "of another practice")), "the clash with the shipped practice, in the same run: " + problems);
  }

  @Test
  void everyShippedPracticeIsValid() {
    Library library = Library.load(Path.of("scripts"),
        new ContentRules(org.cmtkiosk.config.Defaults.config().maxSilence()));
    assertEquals(java.util.List.of(), library.problems());
    assertTrue(library.find("soothing-rhythm-breathing").isPresent());
  }
}
