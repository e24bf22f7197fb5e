package org.cmtkiosk.install;

import static org.cmtkiosk.install.InstallerTest.has;
import static org.cmtkiosk.install.InstallerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cmtkiosk.config.ConfigLoader;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.install.InstallerTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package that 'package' built, checked as dpkg and apt will see it: contents, conffiles, maintainer
 * scripts, units, licences, lintian, and (as root) an install-upgrade-purge cycle in a throwaway root. Runs in
 * 'verify' through failsafe, after the package exists.
 */
class PackageIT {
  private static final Path TARGET = Path.of("target");
  private static final Path GENERATED_DOCS = TARGET.resolve("generated-docs");

  private static Path deb;
  /** Every path in the package (without the leading "."), with its "mode owner/group". */
  private static Map<String, String> contents;

  @TempDir
  Path dir;

  @BeforeAll
  static void findThePackage() throws Exception {
    List<Path> debs;
    try (Stream<Path> files = Files.list(TARGET)) {
      debs = files.filter(f -> f.getFileName().toString().matches("cmt-kiosk_.+_all\\.deb")).toList();
    }
    assertEquals(1, debs.size(), "expected exactly one package in target/ after 'package', found " + debs);
    deb = debs.get(0);
    assumeTrue(has("dpkg-deb"), "dpkg-deb is not installed (part of dpkg on every Debian system)");
    contents = new LinkedHashMap<>();
    for (String line : dpkgDeb("-c").lines().toList()) {
      String[] f = line.split("\\s+", 6);
      contents.put(f[5].replaceFirst("^\\.", "").replaceFirst(" -> .*$", ""), f[0] + " " + f[1]);
    }
  }

  private static String dpkgDeb(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("dpkg-deb"));
    command.addAll(List.of(args));
    command.add(deb.toString());
    Result r = run(command.toArray(String[]::new));
    assertEquals(0, r.exit(), r.output());
    return r.output();
  }

  @Test
  void theControlFieldsAskForAJavaThatDebian12And13HaveAndRecommendTheClockHelper() throws Exception {
    String control = dpkgDeb("-f");
    assertTrue(control.contains("Package: cmt-kiosk\n"), control);
    assertTrue(control.contains("Architecture: all\n"), control);
    assertTrue(control.matches("(?s).*\nVersion: 0\\.1\\.0~\\d{14}\n.*"), "a snapshot's version carries its build "
        + "time, so the next build upgrades it:\n" + control);
    assertTrue(control.contains("Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, adduser,"),
        control);
    assertTrue(control.contains("Recommends: fake-hwclock\n"), control);
  }

  @Test
  void everyFileIsWhereTheReadmeSaysOwnedByRoot() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/usr/bin/cmt-kiosk", "-rwxr-xr-x");
    expected.put("/usr/share/cmt-kiosk/cmt-kiosk.jar", "-rw-r--r--");
    expected.put("/etc/cmt-kiosk/cmt-kiosk.yaml", "-rw-r--r--");
    expected.put("/etc/cmt-kiosk/scripts/README", "-rw-r--r--");
    expected.put("/lib/systemd/system/cmt-kiosk.service", "-rw-r--r--");
    expected.put("/lib/systemd/system/cmt-kiosk-prepare.service", "-rw-r--r--");
    expected.put("/usr/share/doc/cmt-kiosk/copyright", "-rw-r--r--");
    expected.put("/usr/share/doc/cmt-kiosk/changelog.gz", "-rw-r--r--");
    expected.put("/usr/share/doc/cmt-kiosk/README.md.gz", "-rw-r--r--");
    for (Path jar : list(TARGET.resolve("lib"))) {
      expected.put("/usr/share/cmt-kiosk/lib/" + jar.getFileName(), "-rw-r--r--");
    }
    for (Path script : list(Path.of("scripts"))) {
      expected.put("/usr/share/cmt-kiosk/scripts/" + script.getFileName(), "-rw-r--r--");
    }
    if (Files.exists(GENERATED_DOCS.resolve("cmt-kiosk.1"))) {
      expected.put("/usr/share/man/man1/cmt-kiosk.1.gz", "-rw-r--r--");
    }
    if (Files.exists(GENERATED_DOCS.resolve("cmt-kiosk-completion.bash"))) {
      expected.put("/usr/share/bash-completion/completions/cmt-kiosk", "-rw-r--r--");
    }
    expected.forEach((path, mode) -> assertEquals(mode + " root/root", contents.get(path), path));
    assertTrue(contents.values().stream().allMatch(v -> v.endsWith(" root/root")), contents::toString);
    assertFalse(contents.keySet().stream().anyMatch(p -> p.startsWith("/var/") || p.startsWith("/opt/")),
        "the journal and cache are made by postinst and removed only on purge, never shipped");
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void theSiteConfigAndTheSiteScriptsReadmeAreConffiles() throws Exception {
    Path control = dir.resolve("control");
    Result r = run("dpkg-deb", "-e", deb.toString(), control.toString());
    assertEquals(0, r.exit(), r.output());
    assertEquals(List.of("/etc/cmt-kiosk/cmt-kiosk.yaml", "/etc/cmt-kiosk/scripts/README"),
        Files.readAllLines(control.resolve("conffiles")).stream().map(String::strip).sorted().toList());
  }

  @Test
  void thePackagedConfigIsValidAndPointsAtTheServicesFolders() throws Exception {
    Path root = extract();
    KioskConfig c = ConfigLoader.read(root.resolve("etc/cmt-kiosk/cmt-kiosk.yaml"));
    assertEquals(Path.of("/usr/share/cmt-kiosk/scripts"), c.scriptsDirectory());
    assertEquals(Path.of("/etc/cmt-kiosk/scripts"), c.siteScriptsDirectory());
    assertEquals(Path.of("/var/cache/cmt-kiosk/speech"), c.speech().cacheDirectory());
    assertEquals(Path.of("/var/lib/cmt-kiosk/journal"), c.journalDirectory());
    assertEquals(Path.of("/usr/local/share/cmt-kiosk/vosk-model-small-en-us-0.15"), c.voice().voskModel());
  }

  @Test
  void theMaintainerScriptsDeleteStateOnlyOnPurgeAndAddTheUserOnlyToGroupsThatExist() throws Exception {
    Path control = dir.resolve("control");
    Result r = run("dpkg-deb", "-e", deb.toString(), control.toString());
    assertEquals(0, r.exit(), r.output());
    String postrm = Files.readString(control.resolve("postrm"));
    String purgeBranch = postrm.substring(postrm.lastIndexOf("  purge)"));
    assertEquals(1, postrm.split("rm -rf", -1).length - 1, "one rm -rf in postrm:\n" + postrm);
    assertTrue(purgeBranch.substring(0, purgeBranch.indexOf(";;")).contains("rm -rf \"$STATE\" \"$CACHE\""),
        "the state is removed in the purge branch only:\n" + postrm);
    String postinst = Files.readString(control.resolve("postinst"));
    assertTrue(postinst.contains("if getent group \"$group\" >/dev/null; then"), postinst);
    assertFalse(Files.readString(control.resolve("prerm")).contains("rm "), "prerm removes nothing");
    if (has("shellcheck")) {
      Result check = run("shellcheck", control.resolve("postinst").toString(), control.resolve("prerm").toString(),
          control.resolve("postrm").toString());
      assertEquals(0, check.exit(), check.output());
    }
  }

  @Test
  void thePackagedUnitsVerifyWithThePackagedLauncher() throws Exception {
    assumeTrue(has("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs it)");
    Path root = InstallerTest.verifyRoot(extract(), null);
    for (String unit : List.of("cmt-kiosk.service", "cmt-kiosk-prepare.service")) {
      Result r = InstallerTest.verify(root, "/lib/systemd/system/" + unit);
      assertEquals(0, r.exit(), r.output());
      assertTrue(r.output().isBlank(), "no warnings for " + unit + ":\n" + r.output());
    }
  }

  @Test
  void everyShippedLibraryHasItsLicenceInTheCopyrightFile() throws Exception {
    Path root = extract();
    List<String> patterns = new ArrayList<>();
    boolean inFiles = false;
    for (String line : Files.readAllLines(root.resolve("usr/share/doc/cmt-kiosk/copyright"))) {
      if (line.startsWith("Files: ")) {
        patterns.add(line.substring(7).strip());
        inFiles = true;
      } else if (inFiles && line.startsWith(" ")) {
        patterns.add(line.strip());
      } else {
        inFiles = false;
      }
    }
    List<String> unlisted = contents.keySet().stream()
        .filter(p -> p.startsWith("/usr/share/cmt-kiosk/lib/") && p.endsWith(".jar"))
        .filter(p -> patterns.stream().filter(g -> !g.equals("*"))
            .noneMatch(g -> FileSystems.getDefault().getPathMatcher("glob:" + g).matches(Path.of(p.substring(1)))))
        .toList();
    assertEquals(List.of(), unlisted, "add these libraries and their licences to src/deb/copyright");
  }

  @Test
  void lintianFindsNoErrorsOrWarnings() throws Exception {
    assumeTrue(has("lintian"), "lintian is not installed");
    Result r = run("lintian", "--no-cfg", "--allow-root", "--tag-display-limit", "0", deb.toString());
    List<String> problems = r.output().lines().filter(l -> l.startsWith("E: ") || l.startsWith("W: "))
        .filter(l -> !(l.contains(": no-manual-page ") && !Files.exists(GENERATED_DOCS.resolve("cmt-kiosk.1"))))
        .toList();
    assertEquals(List.of(), problems, r.output());
  }

  @Test
  void installUpgradeRemoveAndPurgeInAThrowawayRootKeepWhatTheyShould() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "the install cycle needs root (dpkg --root, mounts)");
    assumeTrue(has("dpkg") && has("unshare") && has("findmnt"), "the install cycle needs dpkg, unshare, findmnt");
    Result installed = run("dpkg-query", "-W", "-f=${Status}", "cmt-kiosk");
    assumeTrue(installed.exit() != 0 || installed.output().contains("not-installed"),
        "cmt-kiosk is installed on this machine; check by hand as the README says");
    Result probe = run("unshare", "--mount", "true");
    assumeTrue(probe.exit() == 0, "mount namespaces are not allowed here: " + probe.output());
    Result r = run("bash", "src/test/deb/install-cycle.sh", deb.toString());
    assertEquals(0, r.exit(), r.output());
    for (String step : List.of("ok: installed", "ok: upgrade keeps", "ok: upgrade with new defaults",
        "ok: remove keeps", "ok: purge deletes")) {
      assertTrue(r.output().contains(step), "missing '" + step + "':\n" + r.output());
    }
  }

  /** The package's files unpacked into a temporary folder. */
  private Path extract() throws Exception {
    Path root = dir.resolve("root");
    Result r = run("dpkg-deb", "-x", deb.toString(), root.toString());
    assertEquals(0, r.exit(), r.output());
    return root;
  }
}
