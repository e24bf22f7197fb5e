package org.cmtkiosk.journal;

import java.time.Instant;
import java.util.function.BiConsumer;

/** A journal that also tells a listener about each session's end, and whether its record is on disk. */
final class NotifyingJournal implements Journal {
  private final Journal journal;
  private final BiConsumer<SessionRecord, Boolean> listener;

  NotifyingJournal(Journal journal, BiConsumer<SessionRecord, Boolean> listener) {
    this.journal = journal;
    this.listener = listener;
  }

  @Override
  public Recording begin(Instant start) {
    Recording recording = journal.begin(start);
    return new Recording() {
      @Override
      public String sessionId() {
        return recording.sessionId();
      }

      @Override
      public Instant start() {
        return recording.start();
      }

      @Override
      public void practiceBegins(String practiceId, Instant at) {
        recording.practiceBegins(practiceId, at);
      }

      @Override
      public void soundLost(Instant at) {
        recording.soundLost(at);
      }

      @Override
      public void soundBack(Instant at) {
        recording.soundBack(at);
      }

      @Override
      public void underrun() {
        recording.underrun();
      }

      @Override
      public boolean end(SessionRecord record) {
        boolean written = recording.end(record);
        listener.accept(record, written);
        return written;
      }
    };
  }

  @Override
  public boolean flush() {
    return journal.flush();
  }
}
