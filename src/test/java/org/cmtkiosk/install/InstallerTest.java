package org.cmtkiosk.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer script and the service units, checked as far as a machine without a Pi allows. */
class InstallerTest {
  private static final Path KIOSK_UNIT = Path.of("systemd/cmt-kiosk.service");
  private static final Path PREPARE_UNIT = Path.of("systemd/cmt-kiosk-prepare.service");
  /** systemd-analyze rates "OK" up to 4.9; the units are far below, and a slip back should show at once. */
  private static final double MOST_EXPOSURE = 2.0;

  @TempDir
  Path dir;

  record Result(int exit, String output) {}

  static Result run(Path workingDir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  static Result run(String... command) throws IOException, InterruptedException {
    return run(Path.of("."), command);
  }

  static boolean has(String tool) {
    return Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin").anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  @Test
  void aDryRunInstallsThePackageWithAptPinsTheVoiceDownloadsAndNeverDeletesAnything() throws Exception {
    Result r = run("bash", "systemd/install.sh", "--dry-run");
    assertEquals(0, r.exit(), r.output());
    String out = r.output();
    for (String step : List.of("apt-get install -y -o Dpkg::Options::=--force-confdef "
        + "-o Dpkg::Options::=--force-confold ", "_all.deb",
        "verify sha256 30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        "verify sha256 45e59d37755ddb07568e79497d7feba8c03aee5a9e071df29961aa023fd94541",
        "-d /usr/local/share/cmt-kiosk", "libvosk.so -d /usr/local/lib/cmt-kiosk",
        "runuser -u cmt-kiosk -- cmt-kiosk doctor")) {
      assertTrue(out.contains(step), "missing step '" + step + "' in:\n" + out);
    }
    assertFalse(out.lines().anyMatch(l -> l.startsWith("+ rm")), "the installer removes nothing:\n" + out);
    assertFalse(Files.readString(Path.of("systemd/install.sh")).contains("rm -rf"), "no rm -rf in install.sh");
  }

  @Test
  void theInstallerRebuildsThePackageOnlyWhenTheSourcesAreNewer() throws Exception {
    Path checkout = fakeCheckout();
    Path deb = checkout.resolve("target/cmt-kiosk_0.1.0_all.deb");
    Path source = checkout.resolve("src/main/java/Example.java");
    Instant now = Instant.now();
    Files.setLastModifiedTime(source, FileTime.from(now.minusSeconds(3600)));
    Files.setLastModifiedTime(deb, FileTime.from(now.minusSeconds(60)));

    Result upToDate = run(checkout, "bash", "systemd/install.sh", "--dry-run", "--no-voice");
    assertTrue(upToDate.output().contains("Up to date: " + deb), upToDate.output());
    assertFalse(upToDate.output().contains("mvnw"), upToDate.output());

    Files.setLastModifiedTime(source, FileTime.from(now));
    Result stale = run(checkout, "bash", "systemd/install.sh", "--dry-run", "--no-voice");
    assertTrue(stale.output().contains(checkout.resolve("mvnw") + " -q -f"), "a newer source rebuilds:\n"
        + stale.output());
  }

  private Path fakeCheckout() throws IOException {
    Path checkout = dir.resolve("checkout");
    for (String d : List.of("systemd", "target", "src/main/java", "scripts", "config")) {
      Files.createDirectories(checkout.resolve(d));
    }
    Files.copy(Path.of("systemd/install.sh"), checkout.resolve("systemd/install.sh"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    Files.writeString(checkout.resolve("src/main/java/Example.java"), "class Example {}");
    Files.writeString(checkout.resolve("target/cmt-kiosk_0.1.0_all.deb"), "not really a package");
    for (String old : List.of("pom.xml", "systemd/install.sh")) {
      Files.setLastModifiedTime(checkout.resolve(old), FileTime.from(Instant.now().minusSeconds(7200)));
    }
    return checkout;
  }

  @Test
  void theShellScriptsPassShellcheck() throws Exception {
    assumeTrue(has("shellcheck"), "shellcheck is not installed (.ci/run installs it)");
    Result r = run("shellcheck", "systemd/install.sh", "src/deb/bin/cmt-kiosk", "src/deb/control/postinst",
        "src/deb/control/prerm", "src/deb/control/postrm", "src/test/deb/install-cycle.sh");
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void theKioskUnitIsOfflineHardenedAndStillReachesSoundAndGpio() throws Exception {
    String unit = Files.readString(KIOSK_UNIT);
    for (String line : List.of("PrivateNetwork=yes", "NoNewPrivileges=yes", "ProtectSystem=strict",
        "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure", "StateDirectory=cmt-kiosk",
        "CacheDirectory=cmt-kiosk", "MemoryMax=", "CapabilityBoundingSet=\n", "PrivateUsers=yes",
        "SystemCallFilter=@system-service", "DevicePolicy=closed", "DeviceAllow=char-alsa rw",
        "DeviceAllow=char-gpiochip rw", "ExecStart=/usr/bin/cmt-kiosk kiosk")) {
      assertTrue(unit.contains(line), "unit lacks " + line.strip());
    }
    assertTrue(unit.contains("\nSuccessExitStatus=143\n"), "systemctl stop sends SIGTERM and the JVM exits 143 after "
        + "its shutdown hooks: without this every stop leaves the unit 'failed'");
    assertFalse(unit.contains("SupplementaryGroups="), "a group that does not exist (gpio on a PC) would stop the "
        + "service; the groups come from the user database, set by postinst");
    assertFalse(unit.contains("ProtectKernelTunables=yes"), "the LED's PWM is written through /sys");
    assertFalse(unit.contains("PrivateDevices=yes"), "PrivateDevices hides /dev/snd and /dev/gpiochip*");
  }

  @Test
  void thePrepareUnitIsAtLeastAsTightAsTheKiosk() throws Exception {
    List<String> prepare = Files.readAllLines(PREPARE_UNIT);
    List<String> missing = Files.readAllLines(KIOSK_UNIT).stream()
        .filter(l -> l.matches("(Protect|Private|Restrict|System|Capability|NoNew|Lock|Remove|UMask|IPAddress).*"))
        .filter(l -> !prepare.contains(l))
        .toList();
    assertEquals(List.of(), missing, "hardening of the kiosk unit missing from the prepare unit");
    assertTrue(prepare.contains("PrivateDevices=yes"), "prepare needs no devices");
  }

  @Test
  void bothUnitsAreRatedSafeBySystemdAnalyzeSecurity() throws Exception {
    assumeTrue(has("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs it)");
    for (Path unit : List.of(KIOSK_UNIT, PREPARE_UNIT)) {
      Result r = run("systemd-analyze", "security", "--offline=true", "--no-pager", unit.toString());
      Matcher score = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+) (\\S+)").matcher(r.output());
      assumeTrue(score.find(), "this systemd-analyze cannot rate a unit file offline (needs systemd 250):\n"
          + r.output());
      double exposure = Double.parseDouble(score.group(1));
      assertTrue(exposure <= MOST_EXPOSURE, unit + " is rated " + exposure + " " + score.group(2)
          + ", above " + MOST_EXPOSURE + ":\n" + r.output());
    }
  }

  @Test
  void bothUnitsPassSystemdAnalyzeVerify() throws Exception {
    assumeTrue(has("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs it)");
    Path root = verifyRoot(dir.resolve("root"), Path.of("src/deb/bin/cmt-kiosk"));
    for (Path unit : List.of(KIOSK_UNIT, PREPARE_UNIT)) {
      Files.copy(unit, root.resolve("lib/systemd/system").resolve(unit.getFileName()));
    }
    for (Path unit : List.of(KIOSK_UNIT, PREPARE_UNIT)) {
      Result r = verify(root, "/lib/systemd/system/" + unit.getFileName());
      assertEquals(0, r.exit(), r.output());
      assertTrue(r.output().isBlank(), "no warnings:\n" + r.output());
    }
  }

  /**
   * A tree that systemd-analyze can verify a unit in: this machine's system units (the targets a unit refers to)
   * and the launcher at /usr/bin/cmt-kiosk, which the unit's ExecStart= must find.
   */
  static Path verifyRoot(Path root, Path launcher) throws IOException {
    Path units = Stream.of(Path.of("/usr/lib/systemd/system"), Path.of("/lib/systemd/system"))
        .filter(Files::isDirectory).findFirst().orElseThrow();
    Path target = root.resolve("usr/lib/systemd/system");
    Files.createDirectories(target);
    if (Files.isDirectory(root.resolve("lib"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      mergeInto(root.resolve("lib/systemd/system"), target);
    } else {
      Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
    }
    try (Stream<Path> files = Files.list(units)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!Files.exists(target.resolve(f.getFileName()))) {
          Files.copy(f, target.resolve(f.getFileName()));
        }
      }
    }
    Files.createDirectories(root.resolve("usr/bin"));
    if (!Files.exists(root.resolve("usr/bin/cmt-kiosk"))) {
      Files.copy(launcher, root.resolve("usr/bin/cmt-kiosk"));
    }
    Files.setPosixFilePermissions(root.resolve("usr/bin/cmt-kiosk"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  /** Moves a package's /lib units to /usr/lib and links /lib there, as a merged-/usr system has them. */
  private static void mergeInto(Path packageUnits, Path target) throws IOException {
    Path root = target.getParent().getParent().getParent().getParent();
    if (Files.isDirectory(packageUnits)) {
      try (Stream<Path> files = Files.list(packageUnits)) {
        for (Path f : files.toList()) {
          Files.move(f, target.resolve(f.getFileName()));
        }
      }
    }
    try (Stream<Path> walk = Files.walk(root.resolve("lib"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
  }

  /** {@code systemd-analyze verify} of a unit inside {@code root} (man pages are not looked up). */
  static Result verify(Path root, String unitInRoot) throws IOException, InterruptedException {
    return run("systemd-analyze", "verify", "--man=no", "--root=" + root.toAbsolutePath(), unitInRoot);
  }
}
