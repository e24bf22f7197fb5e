package org.cmtkiosk.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Finds a last line cut short by a power cut or a full disk, reading only the end of the file. The fragment is moved
 * to a side file (mode 0600) and the journal truncated before it; when the side file cannot be written (a full or
 * read-only disk) the fragment is kept and ended with a newline, so it becomes a line that readers skip. Nothing
 * recorded is deleted.
 */
final class TornLine {
  private static final int TAIL_CHUNK = 1 << 16;

  private TornLine() {}

  /** The torn line can be neither moved aside nor ended (a full or read-only disk); the message says so. */
  static final class CannotRepair extends IOException {
    CannotRepair(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** Repairs {@code file} if its last line is torn; returns a note saying what was done. Throws if it cannot. */
  static Optional<String> repair(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    long size;
    long lastGood;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      if (size == 0 || lastByte(ch, size) == '\n') {
        return Optional.empty();
      }
      lastGood = afterLastNewline(ch, size);
      if (isWholeEntry(ch, lastGood, size)) {
        terminate(file);
        return Optional.empty();
      }
    }
    return Optional.of(setAside(file, lastGood, size));
  }

  private static String setAside(Path file, long lastGood, long size) throws IOException {
    String where = file + ": the last line (from byte " + lastGood + ") was cut short by a power cut, crash or full "
        + "disk; the earlier records are intact";
    Path aside = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
    try {
      copyFragment(file, lastGood, size, aside);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(lastGood);
        ch.force(true);
      }
      return where + " and the fragment was moved to " + aside.getFileName()
          + " — nothing to do unless this happens often (check the power supply and free space)";
    } catch (IOException cannotMove) {
      Files.deleteIfExists(aside);
      try {
        terminate(file);
      } catch (IOException cannotEnd) {
        throw new CannotRepair(where + ", but the cut line can be neither moved aside nor ended ("
            + IoProblems.reason(cannotEnd) + ")", cannotEnd);
      }
      return where + "; the fragment could not be moved aside (" + IoProblems.reason(cannotMove)
          + "), so it stays as a line of its own that reports skip";
    }
  }

  private static void copyFragment(Path file, long from, long to, Path aside) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(aside, java.util.Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE), PrivateFiles.ownerOnly())) {
      long done = 0;
      while (done < to - from) {
        long n = in.transferTo(from + done, to - from - done, out);
        if (n <= 0) {
          throw new IOException("could not copy the fragment");
        }
        done += n;
      }
      out.force(true);
    }
  }

  /** Ends the last line with a newline. */
  private static void terminate(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer newline = ByteBuffer.wrap(new byte[] {'\n'});
      while (newline.hasRemaining()) {
        ch.write(newline);
      }
      ch.force(true);
    }
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    return one.get(0);
  }

  /** The position just after the last newline, reading backwards from the end in chunks; 0 if there is none. */
  private static long afterLastNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - TAIL_CHUNK);
      chunk.clear().limit((int) (end - start));
      while (chunk.hasRemaining() && ch.read(chunk, start + chunk.position()) > 0) {
        // read the whole chunk
      }
      for (int i = chunk.position() - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }

  /** A complete entry missing only its newline is kept as it is. */
  private static boolean isWholeEntry(FileChannel ch, long from, long size) throws IOException {
    if (size - from > JournalReader.MAX_LINE_BYTES) {
      return false;
    }
    ByteBuffer fragment = ByteBuffer.allocate((int) (size - from));
    while (fragment.hasRemaining() && ch.read(fragment, from + fragment.position()) > 0) {
      // read the whole fragment
    }
    try {
      JournalLines.decode(StandardCharsets.UTF_8.newDecoder().decode(fragment.flip()).toString());
      return true;
    } catch (JournalLines.BadLine | java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
