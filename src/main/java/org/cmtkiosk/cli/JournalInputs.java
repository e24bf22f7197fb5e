package org.cmtkiosk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.IoProblems;
import org.cmtkiosk.journal.JsonLinesJournal;

/** The journals a report reads, each checked first, with one clear message for each that cannot be read. */
final class JournalInputs {
  private JournalInputs() {}

  /** How to run the command as the journal's owner, e.g. "sudo -u cmt-kiosk cmt-kiosk report --out /tmp/r". */
  interface Fix {
    String asOwner(String owner);
  }

  /**
   * The readable journals among {@code given} (a folder stands for its {@code sessions.jsonl}); every other one gets
   * one message on {@code err}. An empty journal is read, with a warning.
   */
  static List<Path> readable(List<Path> given, Fix fix, PrintWriter err) {
    List<Path> readable = new ArrayList<>();
    for (Path path : given) {
      Path file = Files.isDirectory(path) ? path.resolve(JsonLinesJournal.FILE_NAME) : path;
      String problem = problem(file, fix);
      if (problem == null) {
        readable.add(file);
      } else {
        err.println(problem);
      }
    }
    return readable;
  }

  private static String problem(Path file, Fix fix) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return "Journal " + file + " is not a file — name a journal file (sessions.jsonl) or its folder.";
      }
      try (InputStream in = Files.newInputStream(file)) {
        return null;
      }
    } catch (NoSuchFileException e) {
      return "Journal " + file + " does not exist — check --journal, or journal.directory in the config "
          + "(a packaged kiosk keeps it in /var/lib/cmt-kiosk/journal).";
    } catch (AccessDeniedException e) {
      return permissionDenied(file, fix);
    } catch (IOException e) {
      return "Journal " + file + " cannot be read (" + IoProblems.reason(e) + ").";
    }
  }

  private static String permissionDenied(Path file, Fix fix) {
    String owner = owner(file);
    return "Journal " + file + " cannot be read: permission denied. It is private to the kiosk's user"
        + (owner == null ? "" : " '" + owner + "'") + "; run the command as that user, e.g.\n  "
        + fix.asOwner(owner == null ? "cmt-kiosk" : owner);
  }

  /** The owner of the file, or of the nearest folder above it that can be looked at. */
  private static String owner(Path file) {
    for (Path p = file.toAbsolutePath(); p != null; p = p.getParent()) {
      try {
        return Files.getOwner(p).getName();
      } catch (IOException | UnsupportedOperationException e) {
        // Look one folder up.
      }
    }
    return null;
  }

  /** Warns about journals with no sessions in them at all (not just none in the period). */
  static void warnEmpty(Path file, long sessions, PrintWriter err) {
    if (sessions == 0) {
      err.println("Journal " + file + " has no sessions" + (sizeOf(file) == 0 ? " (the file is empty)" : "")
          + " — is this the right journal? The kiosk's is in journal.directory.");
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
