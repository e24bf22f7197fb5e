package org.cmtkiosk.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The journal as a JSON Lines file, {@code sessions.jsonl}: one entry per line, each write fsync'd. Opening never
 * fails: a directory that cannot be created, a read-only or full disk, or a torn last line that cannot be moved
 * aside is said once through the log, sessions go on, and their lines wait in memory (up to {@value #MAX_WAITING})
 * until a later write succeeds. A write cut short by a full disk is rolled back to the last whole line.
 */
public final class JsonLinesJournal implements Journal {
  public static final String FILE_NAME = "sessions.jsonl";
  /** Lines kept in memory while the journal cannot be written; the oldest are dropped beyond this (and said so). */
  static final int MAX_WAITING = 10_000;
  private static final Map<Path, Object> IN_THIS_PROCESS = new ConcurrentHashMap<>();
  private static final Set<StandardOpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
      StandardOpenOption.APPEND);

  private final Path directory;
  private final Path file;
  private final Source source;
  private final Consumer<String> log;
  private final Object lock;
  private final ChannelOpener opener;
  private final Deque<byte[]> waiting = new ArrayDeque<>();
  private boolean troubled;
  private long dropped;

  /** Opens the journal file for appending (tests hand in a channel that fails part-way). */
  interface ChannelOpener {
    FileChannel open(Path file) throws IOException;
  }

  private JsonLinesJournal(Path directory, Source source, Consumer<String> log, ChannelOpener opener) {
    this.directory = directory.toAbsolutePath().normalize();
    this.file = this.directory.resolve(FILE_NAME);
    this.source = source;
    this.log = log;
    this.lock = IN_THIS_PROCESS.computeIfAbsent(file, f -> new Object());
    this.opener = opener;
  }

  /**
   * Opens the journal in {@code directory} for sessions from {@code source}, creating the directory (0700) and
   * repairing a torn last line. Never throws; every problem and repair is one line to {@code log}.
   */
  public static JsonLinesJournal open(Path directory, Source source, Consumer<String> log) {
    return open(directory, source, log, file -> FileChannel.open(file, APPEND, PrivateFiles.ownerOnly()));
  }

  static JsonLinesJournal open(Path directory, Source source, Consumer<String> log, ChannelOpener opener) {
    JsonLinesJournal journal = new JsonLinesJournal(directory, source, log, opener);
    journal.prepare();
    return journal;
  }

  public Path file() {
    return file;
  }

  @Override
  public Recording begin(Instant start) {
    FileRecording recording = new FileRecording(this, UUID.randomUUID().toString(), source,
        start.truncatedTo(ChronoUnit.MILLIS));
    write(new SessionStart(recording.sessionId(), source.id(), recording.start()));
    return recording;
  }

  /** Lines not yet on disk. */
  public int waiting() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  @Override
  public boolean flush() {
    synchronized (lock) {
      return flushWaiting();
    }
  }

  /**
   * Deletes the lines dated before {@code cutoff} (an end record by its end, a start by its start, an event by its
   * time), streaming the journal into a new file that replaces it in one step: a full disk or a power cut leaves the
   * old journal as it was. Lines that are not entries are kept. Returns how many lines were deleted.
   */
  public int deleteOlderThan(Instant cutoff) throws IOException {
    synchronized (lock) {
      return withFileLock(() -> Retention.rewrite(file, cutoff));
    }
  }

  /** Queues {@code entry} and writes everything waiting; false if it could not be written now. */
  boolean write(JournalEntry entry) {
    byte[] line = JournalLines.encode(entry);
    synchronized (lock) {
      if (waiting.size() >= MAX_WAITING) {
        waiting.removeFirst();
        dropped++;
      }
      waiting.addLast(line);
      return flushWaiting();
    }
  }

  private void prepare() {
    synchronized (lock) {
      try {
        makeReady();
      } catch (IOException e) {
        trouble(e);
      }
    }
  }

  private boolean flushWaiting() {
    if (waiting.isEmpty()) {
      return true;
    }
    try {
      makeReady();
      withFileLock(this::appendWaiting);
    } catch (IOException e) {
      trouble(e);
      return false;
    }
    if (troubled) {
      log.accept(file + ": writing again" + (dropped > 0 ? "; " + dropped + " line(s) were dropped while it "
          + "could not be written (more than " + MAX_WAITING + " waited)" : "") + ".");
      troubled = false;
      dropped = 0;
    }
    return true;
  }

  /** The directory exists and the last line is whole. */
  private void makeReady() throws IOException {
    try {
      PrivateFiles.createDirectory(directory);
    } catch (IOException e) {
      throw new IOException("cannot create the journal folder " + directory + " (" + (Files.exists(directory)
          ? "a file of that name is in the way" : IoProblems.reason(e)) + ")", e);
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IOException("cannot write " + file + " (it is not a plain file: a folder or device is in the way)");
    }
    withFileLock(() -> {
      try {
        TornLine.repair(file).ifPresent(log);
      } catch (TornLine.CannotRepair e) {
        throw e;
      } catch (IOException e) {
        throw new IOException("cannot read the end of " + file + " (" + IoProblems.reason(e) + ")", e);
      }
      return 0;
    });
  }

  private int appendWaiting() throws IOException {
    ByteBuffer all = ByteBuffer.allocate(waiting.stream().mapToInt(l -> l.length).sum());
    waiting.forEach(all::put);
    all.flip();
    boolean created = !Files.exists(file);
    try (FileChannel ch = opener.open(file)) {
      long before = ch.size();
      try {
        while (all.hasRemaining()) {
          ch.write(all);
        }
        ch.force(true);
      } catch (IOException e) {
        rollBack(ch, before);
        throw e;
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + file + " (" + IoProblems.reason(e) + ")", e);
    }
    if (created) {
      PrivateFiles.restrict(file);
    }
    int written = waiting.size();
    waiting.clear();
    return written;
  }

  /** A write cut short (a full disk) leaves part of a line: cut the file back to the last whole line. */
  private static void rollBack(FileChannel ch, long size) {
    try {
      ch.truncate(size);
      ch.force(true);
    } catch (IOException e) {
      // The torn line stays; the next write or start moves it aside (TornLine).
    }
  }

  private void trouble(IOException e) {
    if (!troubled) {
      log.accept(e.getMessage() + ": sessions go on, and their records are written as soon as the journal can be "
          + "written — free some disk space, or check journal.directory and its permissions");
      troubled = true;
    }
  }

  private interface FileWork {
    int run() throws IOException;
  }

  /** Runs {@code work} holding the lock other cmt-kiosk processes take on this journal (when the folder allows). */
  private int withFileLock(FileWork work) throws IOException {
    Path lockFile = directory.resolve(FILE_NAME + ".lock");
    FileChannel ch;
    try {
      ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          PrivateFiles.ownerOnly());
    } catch (IOException cannotLock) {
      return work.run();
    }
    try (ch; FileLock held = ch.lock()) {
      return work.run();
    }
  }
}
