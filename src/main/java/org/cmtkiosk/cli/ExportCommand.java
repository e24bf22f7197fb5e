package org.cmtkiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cmtkiosk.App;
import org.cmtkiosk.journal.IoProblems;
import org.cmtkiosk.journal.JsonLinesJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Gets a report and a copy of the journal off a device with no network, onto a USB stick. */
@Command(name = "export", description = {"Write a report and a copy of the journal to a USB stick.",
    "The stick is the one mounted under /media or /run/media, or the folder named with --to. Everything goes into "
        + "a new folder cmt-kiosk-HOST-DATE on it; 'report --journal' on another computer merges several devices' "
        + "copies into one site report."},
    footer = {"%nExamples:", "  cmt-kiosk export   (to the one stick mounted under /media or /run/media)",
        "  cmt-kiosk export --to /media/usb --from 2026-11-01 --until 2026-11-30",
        "  sudo cmt-kiosk export   (the service's journal is private to its user; root can read it)"})
public final class ExportCommand implements Callable<Integer> {
  /** Exit status when there is no stick (or folder) to write to. */
  static final int EXIT_NO_STICK = 1;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--to", paramLabel = "DIR", description = "Folder to export into (default: the USB stick mounted "
      + "under /media or /run/media, if there is exactly one).")
  Path to;

  @Option(names = "--journal", paramLabel = "FILE", description = "A journal file (or its folder) to export; "
      + "repeatable (default: sessions.jsonl in journal.directory).")
  List<Path> journals = new ArrayList<>();

  @Option(names = "--from", paramLabel = "DATE", description = "First day of the report (default: 29 days before "
      + "the last day).")
  LocalDate from;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day of the report (default: today).")
  LocalDate until;

  @Option(names = "--include-practice-runs", description = "Count 'practice' command runs in the report too.")
  boolean includePracticeRuns;

  private boolean readOnly;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate last = until != null ? until : LocalDate.now();
    LocalDate first = from != null ? from : last.minusDays(29);
    if (first.isAfter(last)) {
      err.println("--from " + first + " is after --until " + last + "; swap them.");
      return 2;
    }
    Path stick = destination(err);
    if (stick == null) {
      return readOnly ? ReportCommand.EXIT_CANNOT_WRITE : EXIT_NO_STICK;
    }
    List<Path> readable = JournalInputs.readable(ReportCommand.given(app, journals),
        owner -> "sudo cmt-kiosk export (root can read the journal and write to the stick)", err);
    if (readable.isEmpty()) {
      err.println("No journal could be read, so nothing was exported.");
      return ReportCommand.EXIT_NO_JOURNAL;
    }
    String host = Hostname.get();
    Path folder = stick.resolve("cmt-kiosk-" + host + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")));
    List<Path> copies;
    try {
      Files.createDirectories(folder);
      copies = copyJournals(readable, folder, host);
    } catch (IOException e) {
      err.println("Cannot write to " + stick + " (" + IoProblems.reason(e) + ") — nothing more was written; check "
          + "the stick has space and is not locked, or name another folder with --to.");
      return ReportCommand.EXIT_CANNOT_WRITE;
    }
    int status = ReportCommand.write(readable, ReportCommand.options(app, first, last, includePracticeRuns), folder,
        "export", "--to", out, err);
    if (status == 0) {
      try {
        syncAll(folder);
      } catch (IOException e) {
        err.println("Cannot finish writing to " + stick + " (" + IoProblems.reason(e) + ") — check the stick and try "
            + "again.");
        return ReportCommand.EXIT_CANNOT_WRITE;
      }
      out.println("Exported to " + folder + ": the report and " + copies.stream()
          .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + ". Unmount the stick before "
          + "pulling it out (sudo umount " + stick + ").");
    }
    return status;
  }

  /** The folder to write into, or null after saying why there is none. */
  private Path destination(PrintWriter err) {
    if (to != null) {
      return checked(to, err);
    }
    List<UsbSticks.Mount> sticks = UsbSticks.mounted();
    if (sticks.isEmpty()) {
      err.println("No USB stick found under /media or /run/media. Plug one in and mount it (for example: sudo mount "
          + "/dev/sda1 /media/usb), or name a folder with --to DIR.");
      return null;
    }
    if (sticks.size() > 1) {
      err.println("Several USB sticks are mounted (" + sticks.stream().map(m -> m.path().toString())
          .collect(Collectors.joining(", ")) + "); name one with --to DIR.");
      return null;
    }
    if (sticks.get(0).readOnly()) {
      err.println(readOnlyLine(sticks.get(0).path()));
      readOnly = true;
      return null;
    }
    return sticks.get(0).path();
  }

  private Path checked(Path dir, PrintWriter err) {
    if (!Files.isDirectory(dir)) {
      err.println("Folder " + dir + " does not exist — is the stick mounted? Name an existing folder with --to.");
      return null;
    }
    try {
      FileStore store = Files.getFileStore(dir);
      if (store.isReadOnly()) {
        err.println(readOnlyLine(dir));
        readOnly = true;
        return null;
      }
    } catch (IOException e) {
      // Writing will say what is wrong.
    }
    return dir;
  }

  private static String readOnlyLine(Path dir) {
    return "The USB stick at " + dir + " is read-only (check its lock switch, or mount it read-write); nothing was "
        + "written.";
  }

  /** Puts every file written on the stick itself, not just in the cache, before saying it is done. */
  private static void syncAll(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
      }
    }
  }

  /** Copies each journal as HOST.jsonl (HOST-NAME.jsonl for other names) and makes sure it is on the stick. */
  private static List<Path> copyJournals(List<Path> journals, Path folder, String host) throws IOException {
    List<Path> copies = new ArrayList<>();
    for (Path journal : journals) {
      String name = journal.getFileName().toString();
      Path copy = folder.resolve(name.equals(JsonLinesJournal.FILE_NAME) ? host + ".jsonl" : host + "-" + name);
      Files.copy(journal, copy);
      try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      copies.add(copy);
    }
    return copies;
  }
}
