package org.cmtkiosk.journal;

import java.time.Duration;
import java.time.Instant;

/** A session being written to a {@link JsonLinesJournal}. */
final class FileRecording implements Recording {
  private final JsonLinesJournal journal;
  private final String id;
  private final Source source;
  private final Instant start;
  private Instant lostSince;
  private Duration lost;
  private int underruns;
  private Boolean ended;

  FileRecording(JsonLinesJournal journal, String id, Source source, Instant start) {
    this.journal = journal;
    this.id = id;
    this.source = source;
    this.start = start;
  }

  @Override
  public String sessionId() {
    return id;
  }

  @Override
  public Instant start() {
    return start;
  }

  @Override
  public void practiceBegins(String practiceId, Instant at) {
    journal.write(new SessionEvent(id, at, SessionEvent.PRACTICE, practiceId));
  }

  @Override
  public void soundLost(Instant at) {
    synchronized (this) {
      if (lostSince != null) {
        return;
      }
      lostSince = at;
    }
    journal.write(new SessionEvent(id, at, SessionEvent.SOUND_LOST, null));
  }

  @Override
  public void soundBack(Instant at) {
    synchronized (this) {
      if (lostSince == null) {
        return;
      }
      addLost(at);
    }
    journal.write(new SessionEvent(id, at, SessionEvent.SOUND_BACK, null));
  }

  @Override
  public synchronized void underrun() {
    underruns++;
  }

  @Override
  public boolean end(SessionRecord record) {
    SessionRecord stamped;
    synchronized (this) {
      if (ended != null) {
        return ended;
      }
      if (lostSince != null && record.end() != null) {
        addLost(record.end());
      }
      stamped = record.stamped(id, source, start, lost == null ? null : lost.toMillis() / 1000.0,
          underruns == 0 ? null : underruns);
    }
    boolean written = journal.write(stamped);
    synchronized (this) {
      ended = written;
    }
    return written;
  }

  private void addLost(Instant until) {
    if (!until.isBefore(lostSince)) {
      lost = (lost == null ? Duration.ZERO : lost).plus(Duration.between(lostSince, until));
    }
    lostSince = null;
  }
}
