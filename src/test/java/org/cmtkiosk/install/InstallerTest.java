package org.cmtkiosk.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmtkiosk.config.ConfigLoader;
import org.cmtkiosk.config.KioskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Raspberry Pi installer and service unit, checked as far as a machine without a Pi allows. */
class InstallerTest {
  @TempDir
  Path dir;

  record Result(int exit, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  private static boolean has(String tool) {
    return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool));
  }

  @Test
  void theSiteConfigItWritesIsValidAndPointsAtTheServicesFolders() throws Exception {
    Result r = run("bash", "systemd/install.sh", "--print-config");
    assertEquals(0, r.exit(), r.output());
    Path file = dir.resolve("cmt-kiosk.yaml");
    Files.writeString(file, r.output());
    KioskConfig c = ConfigLoader.read(file);
    assertEquals(Path.of("/opt/cmt-kiosk/scripts"), c.scriptsDirectory());
    assertEquals(Path.of("/var/cache/cmt-kiosk/speech"), c.speech().cacheDirectory());
    assertEquals(Path.of("/var/lib/cmt-kiosk/journal"), c.journalDirectory());
    assertEquals(Path.of("/opt/cmt-kiosk/models/vosk-model-small-en-us-0.15"), c.voice().model());
  }

  @Test
  void aDryRunShowsEveryStepPinsTheDownloadsAndNeverTouchesTheJournalOrSiteConfig() throws Exception {
    Result r = run("bash", "systemd/install.sh", "--dry-run");
    assertEquals(0, r.exit(), r.output());
    String out = r.output();
    for (String step : List.of("openjdk-17-jdk-headless", "useradd --system", "--groups audio,gpio",
        "verify sha256 30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        "verify sha256 45e59d37755ddb07568e79497d7feba8c03aee5a9e071df29961aa023fd94541",
        "libvosk.so -d /opt/cmt-kiosk/native", "cmt-kiosk.jar prepare", "systemctl enable cmt-kiosk.service",
        "doctor --config /etc/cmt-kiosk/cmt-kiosk.yaml")) {
      assertTrue(out.contains(step), "missing step '" + step + "' in:\n" + out);
    }
    assertFalse(out.lines().anyMatch(l -> l.startsWith("+ rm") && l.contains("/var/lib/cmt-kiosk")),
        "the journal is never removed");
    assertFalse(out.lines().anyMatch(l -> l.startsWith("+ rm") && l.contains("/etc/cmt-kiosk")),
        "the site config is never removed");
  }

  @Test
  void theInstallerPassesShellcheck() throws Exception {
    assumeTrue(has("shellcheck"), "shellcheck is not installed (.ci/run installs it)");
    Result r = run("shellcheck", "systemd/install.sh");
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void theServiceUnitPassesSystemdAnalyzeAndIsOfflineAndHardened() throws Exception {
    String unit = Files.readString(Path.of("systemd/cmt-kiosk.service"));
    for (String line : List.of("PrivateNetwork=yes", "NoNewPrivileges=yes", "ProtectSystem=strict",
        "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure", "SupplementaryGroups=audio gpio",
        "StateDirectory=cmt-kiosk", "CacheDirectory=cmt-kiosk", "MemoryMax=")) {
      assertTrue(unit.contains(line), "unit lacks " + line);
    }
    assumeTrue(has("systemd-analyze"), "systemd-analyze is not installed (.ci/run installs it)");
    Result r = run("systemd-analyze", "verify", "systemd/cmt-kiosk.service");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().isBlank(), "no warnings:\n" + r.output());
  }
}
