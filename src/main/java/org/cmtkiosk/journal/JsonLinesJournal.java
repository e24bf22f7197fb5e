package org.cmtkiosk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal as a JSON Lines file, {@code sessions.jsonl}: one record per line, each append fsync'd. A last line cut
 * short by a power cut is moved aside (never deleted) the next time the journal is opened, so appends stay valid.
 */
public final class JsonLinesJournal implements Journal {
  public static final String FILE_NAME = "sessions.jsonl";
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path file;

  private JsonLinesJournal(Path file) {
    this.file = file;
  }

  /** Opens (creating if needed) the journal in {@code directory}, repairing a torn last line. */
  public static Opened open(Path directory) throws IOException {
    createPrivateDirectory(directory);
    Path file = directory.resolve(FILE_NAME);
    Optional<String> repair = Files.exists(file) ? TornLine.repair(file) : Optional.empty();
    return new Opened(new JsonLinesJournal(file), repair);
  }

  /** A journal ready for appends, and what was repaired on opening, if anything. */
  public record Opened(JsonLinesJournal journal, Optional<String> repairNote) {}

  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(SessionRecord record) throws IOException {
    byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    boolean created = !Files.exists(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      if (created) {
        restrictToOwner(file);
      }
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
  }

  /** Every readable record; lines that are not records are described in {@code problems}. */
  public List<SessionRecord> readAll(List<String> problems) throws IOException {
    List<SessionRecord> records = new ArrayList<>();
    if (!Files.exists(file)) {
      return records;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        records.add(JSON.readValue(lines.get(i), SessionRecord.class));
      } catch (JsonProcessingException e) {
        problems.add(file + ":" + (i + 1) + ": not a session record (" + e.getOriginalMessage() + ") — skipped");
      }
    }
    return records;
  }

  /**
   * Deletes the records that ended before {@code cutoff}, keeping every other line exactly. The kept lines are
   * written to a new file which then replaces the journal in one step, so a full disk or a power cut leaves the
   * old journal as it was. Returns how many records were deleted.
   */
  public synchronized int deleteOlderThan(Instant cutoff) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    List<String> keep = new ArrayList<>();
    int deleted = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (endedBefore(line, cutoff)) {
        deleted++;
      } else if (!line.isBlank()) {
        keep.add(line);
      }
    }
    if (deleted > 0) {
      Path tmp = file.resolveSibling(file.getFileName() + ".new");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        restrictToOwner(tmp);
        ch.write(ByteBuffer.wrap((String.join("\n", keep) + (keep.isEmpty() ? "" : "\n"))
            .getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return deleted;
  }

  private static boolean endedBefore(String line, Instant cutoff) {
    try {
      SessionRecord r = JSON.readValue(line, SessionRecord.class);
      return r.end() != null && r.end().isBefore(cutoff);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      if (posix()) {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
