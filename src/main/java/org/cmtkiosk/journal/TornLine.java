package org.cmtkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Finds a last line cut short by a power cut, keeps it in a side file and truncates the journal before it. */
final class TornLine {
  private TornLine() {}

  /** Repairs {@code file} if its last line is torn; returns a note saying what was done. */
  static Optional<String> repair(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int lastGood = bytes.length;
    while (lastGood > 0 && bytes[lastGood - 1] != '\n') {
      lastGood--;
    }
    if (lastGood == bytes.length) {
      return Optional.empty();
    }
    String fragment = new String(bytes, lastGood, bytes.length - lastGood, StandardCharsets.UTF_8);
    if (isRecord(fragment)) {
      return completeLine(file);
    }
    int line = countLines(bytes, lastGood) + 1;
    Path aside = file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis());
    Files.write(aside, fragment.getBytes(StandardCharsets.UTF_8));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(lastGood);
      ch.force(true);
    }
    return Optional.of(file + ":" + line + ": the last record was cut short (power cut or crash during a write); "
        + "the " + countLines(bytes, lastGood) + " earlier records are intact and the fragment was moved to "
        + aside.getFileName() + " — nothing to do unless this happens often (check the power supply)");
  }

  private static Optional<String> completeLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
      ch.force(true);
    }
    return Optional.empty();
  }

  private static boolean isRecord(String fragment) {
    try {
      JsonLinesJournal.JSON.readValue(fragment, SessionRecord.class);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static int countLines(byte[] bytes, int upTo) {
    int n = 0;
    for (int i = 0; i < upTo; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }
}
