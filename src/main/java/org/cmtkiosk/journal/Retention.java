package org.cmtkiosk.journal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;

/** Rewrites a journal without its old lines, streaming it into a new file that replaces the old in one step. */
final class Retention {
  private Retention() {}

  /** Returns how many lines were deleted; on any failure the journal is left exactly as it was. */
  static int rewrite(Path file, Instant cutoff) throws IOException {
    if (!Files.exists(file) || !anyOlder(file, cutoff)) {
      return 0;
    }
    Path next = file.resolveSibling(file.getFileName() + ".new");
    int deleted;
    try (FileChannel ch = FileChannel.open(next, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING), PrivateFiles.ownerOnly())) {
      PrivateFiles.restrict(next);
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
      deleted = copyNewer(file, cutoff, out);
      out.flush();
      ch.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(next);
      throw e;
    }
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(file.getParent());
    return deleted;
  }

  /** A first pass that writes nothing: most days nothing is old enough, and then the file is not rewritten. */
  private static boolean anyOlder(Path file, Instant cutoff) throws IOException {
    try (JournalReader reader = JournalReader.open(file, problem -> { })) {
      for (JournalReader.Line line = reader.read(); line != null; line = reader.read()) {
        if (older(line.entry(), cutoff)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int copyNewer(Path file, Instant cutoff, OutputStream out) throws IOException {
    int[] deleted = {0};
    try (JournalReader reader = JournalReader.open(file, problem -> { })) {
      reader.forEachLine((bytes, length, terminated, entry) -> {
        if (length == 0) {
          return;
        }
        if (entry != null && older(entry, cutoff)) {
          deleted[0]++;
        } else {
          out.write(bytes, 0, length);
          if (terminated) {
            out.write('\n');
          }
        }
      });
    }
    return deleted[0];
  }

  static boolean older(JournalEntry entry, Instant cutoff) {
    Instant when;
    if (entry instanceof SessionRecord r) {
      when = r.end();
    } else if (entry instanceof SessionStart s) {
      when = s.start();
    } else {
      when = ((SessionEvent) entry).at();
    }
    return when != null && when.isBefore(cutoff);
  }

  /** Makes the rename itself durable; not every system allows opening a folder, and then the rename still stands. */
  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Best effort.
    }
  }
}
