package org.cmtkiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layered layout of ../shared/STYLE.md: dependencies point down only, and no package takes part in a cycle. */
class LayeringTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.cmtkiosk");

  @Test
  void noPackageTakesPartInACycle() {
    slices().matching("org.cmtkiosk.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theWiringDoesNotKnowTheCommandLine() {
    noClasses().that().resideInAPackage("org.cmtkiosk").should().dependOnClassesThat()
        .resideInAPackage("org.cmtkiosk.cli..").because("App sits between the commands and the parts").check(MAIN);
  }

  @Test
  void nothingBelowTheWiringUsesIt() {
    noClasses().that().resideInAPackage("org.cmtkiosk.(*)..").and().resideOutsideOfPackage("org.cmtkiosk.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.cmtkiosk").check(MAIN);
  }

  @Test
  void leavesDependOnNoOtherPackageOfOurs() {
    for (String leaf : new String[] {"pcm", "text", "breath", "yaml", "journal"}) {
      noClasses().that().resideInAPackage("org.cmtkiosk." + leaf + "..")
          .should().dependOnClassesThat(otherThan(leaf))
          .because(leaf + " is a leaf of the layout").check(MAIN);
    }
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    only("speech", "pcm", "text");
    only("practice", "breath", "yaml", "text");
    only("audio", "pcm", "speech", "breath", "practice", "text", "pacer");
    only("listen", "pcm");
    only("pacer", "breath");
    only("gpio", "pacer", "listen");
    only("report", "journal");
  }

  @Test
  void onlyTheWiringAndTheCommandsSeeTheWholeConfig() {
    noClasses().that().resideInAnyPackage("org.cmtkiosk.pcm..", "org.cmtkiosk.text..", "org.cmtkiosk.breath..",
        "org.cmtkiosk.yaml..", "org.cmtkiosk.journal..", "org.cmtkiosk.speech..", "org.cmtkiosk.practice..",
        "org.cmtkiosk.audio..", "org.cmtkiosk.listen..", "org.cmtkiosk.pacer..", "org.cmtkiosk.gpio..",
        "org.cmtkiosk.report..")
        .should().dependOnClassesThat().resideInAPackage("org.cmtkiosk.config..").check(MAIN);
  }

  /** Classes of {@code layer} depend on no package of ours but itself and {@code below}. */
  private static void only(String layer, String... below) {
    String[] allowed = new String[below.length + 1];
    allowed[0] = layer;
    System.arraycopy(below, 0, allowed, 1, below.length);
    noClasses().that().resideInAPackage("org.cmtkiosk." + layer + "..")
        .should().dependOnClassesThat(otherThan(allowed)).check(MAIN);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> otherThan(
      String... packages) {
    return com.tngtech.archunit.base.DescribedPredicate.describe("classes of cmt-kiosk outside "
        + String.join(", ", packages), c -> {
          String p = c.getPackageName();
          if (!p.startsWith("org.cmtkiosk")) {
            return false;
          }
          for (String allowed : packages) {
            if (p.equals("org.cmtkiosk." + allowed) || p.startsWith("org.cmtkiosk." + allowed + ".")) {
              return false;
            }
          }
          return true;
        });
  }
}
