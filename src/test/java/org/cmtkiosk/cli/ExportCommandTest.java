package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cmtkiosk.testing.Tmpfs;
import org.junit.jupiter.api.Test;

/** {@code export}: a report and a copy of the journal onto a USB stick. */
class ExportCommandTest extends ReportCommandTest {
  @Test
  void theReportAndACopyOfTheJournalGoIntoANewFolderOnTheStick() throws Exception {
    Path journal = journal(dir.resolve("journal"), T);
    Path stick = Files.createDirectories(dir.resolve("stick"));

    assertEquals(0, run("export", "--to", stick.toString(), "--from", "2026-11-01", "--until", "2026-11-30"),
        err::toString);

    List<Path> folders;
    try (var list = Files.list(stick)) {
      folders = list.toList();
    }
    assertEquals(1, folders.size());
    Path folder = folders.get(0);
    String host = Hostname.get();
    assertTrue(folder.getFileName().toString().matches("cmt-kiosk-" + host + "-\\d{4}-\\d{2}-\\d{2}-\\d{4}"),
        folder::toString);
    assertArrayEquals(Files.readAllBytes(journal), Files.readAllBytes(folder.resolve(host + ".jsonl")));
    for (String file : List.of("sessions.csv", "daily.csv", "report.png")) {
      assertTrue(Files.size(folder.resolve(file)) > 0, file);
    }
    assertTrue(out.toString().contains("Exported to " + folder + ": the report and " + host + ".jsonl. Unmount "
        + "the stick before pulling it out (sudo umount " + stick + ")."), out::toString);
  }

  @Test
  void aFolderThatIsNotThereIsSaidPlainly() {
    journal(dir.resolve("journal"), T);
    Path absent = dir.resolve("media/usb");

    assertEquals(1, run("export", "--to", absent.toString()));

    assertEquals("Folder " + absent + " does not exist — is the stick mounted? Name an existing folder with --to.",
        err.toString().strip());
  }

  @Test
  void aReadOnlyStickIsSaidPlainlyAndNothingIsWritten() throws Exception {
    journal(dir.resolve("journal"), T);
    try (Tmpfs stick = Tmpfs.mount(dir.resolve("stick"), 64)) {
      stick.readOnly();

      assertEquals(4, run("export", "--to", stick.path().toString()));

      assertEquals("The USB stick at " + stick.path() + " is read-only (check its lock switch, or mount it "
          + "read-write); nothing was written.", err.toString().strip());
    }
  }

  @Test
  void sticksAreFoundUnderMediaAndRunMediaWithTheirReadOnlyFlag() {
    List<UsbSticks.Mount> found = UsbSticks.parse(List.of(
        "/dev/mmcblk0p2 / ext4 rw,noatime 0 0",
        "tmpfs /run tmpfs rw,nosuid 0 0",
        "/dev/sda1 /media/usb vfat rw,nosuid,nodev 0 0",
        "/dev/sdb1 /run/media/anna/KINGSTON\\040USB vfat ro,nosuid 0 0",
        "/dev/sdc1 /media ext4 rw 0 0"), UsbSticks.ROOTS);

    assertEquals(List.of(new UsbSticks.Mount(Path.of("/media/usb"), false),
        new UsbSticks.Mount(Path.of("/run/media/anna/KINGSTON USB"), true)), found);
  }
}
