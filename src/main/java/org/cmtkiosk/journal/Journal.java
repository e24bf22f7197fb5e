package org.cmtkiosk.journal;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where sessions are recorded while they happen: a start record at once, sound events as they come, and the whole
 * session when it ends. No method throws: a journal that cannot be written says so once through its log and keeps
 * the records to write them when it can.
 */
public interface Journal {
  /** Records that a session started at {@code start} (a start record, on disk when this returns if possible). */
  Recording begin(Instant start);

  /** Writes what could not be written before, if it can now; true when nothing waits. A kiosk calls it now and then. */
  boolean flush();

  /** {@code journal}, also telling {@code listener} each session's end record and whether it is on disk. */
  static Journal notifying(Journal journal, BiConsumer<SessionRecord, Boolean> listener) {
    return new NotifyingJournal(journal, listener);
  }

  /** A journal that writes nothing at start and hands each finished session to {@code sink} (for tests). */
  static Journal endOnly(Consumer<SessionRecord> sink) {
    return new Journal() {
      @Override
      public Recording begin(Instant start) {
        return recording(start, sink);
      }

      @Override
      public boolean flush() {
        return true;
      }
    };
  }

  private static Recording recording(Instant start, Consumer<SessionRecord> sink) {
    return new Recording() {
      private final String id = UUID.randomUUID().toString();

      @Override
      public String sessionId() {
        return id;
      }

      @Override
      public Instant start() {
        return start;
      }

      @Override
      public void practiceBegins(String practiceId, Instant at) {}

      @Override
      public void soundLost(Instant at) {}

      @Override
      public void soundBack(Instant at) {}

      @Override
      public void underrun() {}

      @Override
      public boolean end(SessionRecord record) {
        sink.accept(record);
        return true;
      }
    };
  }
}
