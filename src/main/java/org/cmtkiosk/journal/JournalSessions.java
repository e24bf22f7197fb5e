package org.cmtkiosk.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The sessions of one journal, streamed: each end record is a session (with or without a start record — old
 * journals have none); a start record whose end never comes is an interrupted session. It is settled when a later
 * session from the same source starts (a kiosk runs one session at a time) or at the end of the file. Only the
 * sessions under way are held in memory.
 */
public final class JournalSessions implements Closeable {
  private static final int REMEMBERED_INTERRUPTIONS = 1000;

  private final JournalReader reader;
  private final Consumer<String> problems;
  private final Map<String, Pending> underway = new LinkedHashMap<>();
  private final Deque<RecordedSession> ready = new ArrayDeque<>();
  private final Map<String, Boolean> settledAsInterrupted = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_INTERRUPTIONS;
    }
  };
  private boolean atEnd;
  private long sessions;
  private long interrupted;

  private JournalSessions(JournalReader reader, Consumer<String> problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** Opens {@code file}; skipped lines and oddities are described to {@code problems} with their line numbers. */
  public static JournalSessions open(Path file, Consumer<String> problems) throws IOException {
    return new JournalSessions(JournalReader.open(file, problems), problems);
  }

  /** The next session, or null when the file has no more. */
  public RecordedSession next() throws IOException {
    while (ready.isEmpty() && !atEnd) {
      JournalReader.Line line = reader.read();
      if (line == null) {
        atEnd = true;
        underway.values().forEach(p -> ready.add(p.interrupted()));
        underway.clear();
      } else {
        take(line);
      }
    }
    RecordedSession next = ready.poll();
    if (next != null) {
      sessions++;
      interrupted += next.interrupted() ? 1 : 0;
    }
    return next;
  }

  /** Sessions returned so far. */
  public long sessions() {
    return sessions;
  }

  /** Interrupted sessions returned so far. */
  public long interrupted() {
    return interrupted;
  }

  /** Lines skipped so far. */
  public long badLines() {
    return reader.badLines();
  }

  public Path file() {
    return reader.file();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void take(JournalReader.Line line) {
    JournalEntry entry = line.entry();
    if (entry instanceof SessionStart start) {
      settleEarlierFrom(start.source());
      underway.putIfAbsent(start.sessionId(), new Pending(start, line.number()));
    } else if (entry instanceof SessionEvent event) {
      Pending p = underway.get(event.sessionId());
      if (p != null) {
        p.add(event);
      }
    } else if (entry instanceof SessionRecord end) {
      underway.remove(end.sessionId());
      if (settledAsInterrupted.remove(end.sessionId()) != null) {
        problems.accept(reader.file() + ":" + line.number() + ": session " + end.sessionId() + " ended after a "
            + "later session from the same source had started (two runs at once?); it is counted as interrupted");
      } else {
        ready.add(new RecordedSession(end, false, line.number()));
      }
    }
  }

  /** A new session from a source means its earlier session that never ended was cut off. */
  private void settleEarlierFrom(String source) {
    var it = underway.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (Objects.equals(p.start.source(), source)) {
        ready.add(p.interrupted());
        settledAsInterrupted.put(p.start.sessionId(), Boolean.TRUE);
        it.remove();
      }
    }
  }

  /** A session under way: its start and a summary of its events (bounded, whatever the file holds). */
  private static final class Pending {
    private static final int MAX_PRACTICES = 50;
    private final SessionStart start;
    private final long line;
    private final List<SessionRecord.PracticeDone> practices = new ArrayList<>();
    private Instant lostSince;
    private Duration lost;

    Pending(SessionStart start, long line) {
      this.start = start;
      this.line = line;
    }

    void add(SessionEvent event) {
      switch (event.event()) {
        case SessionEvent.PRACTICE -> {
          if (event.practice() != null && practices.size() < MAX_PRACTICES) {
            practices.add(new SessionRecord.PracticeDone(event.practice(), null,
                SessionRecord.Outcome.INTERRUPTED, List.of()));
          }
        }
        case SessionEvent.SOUND_LOST -> lostSince = lostSince == null ? event.at() : lostSince;
        case SessionEvent.SOUND_BACK -> soundBack(event.at());
        default -> { }
      }
    }

    private void soundBack(Instant at) {
      if (lostSince != null && !at.isBefore(lostSince)) {
        lost = (lost == null ? Duration.ZERO : lost).plus(Duration.between(lostSince, at));
      }
      lostSince = null;
    }

    RecordedSession interrupted() {
      Double lostSeconds = lost == null ? null : lost.toMillis() / 1000.0;
      return new RecordedSession(new SessionRecord(start.sessionId(), start.source(), start.start(), null,
          practices, Map.of(), null, null, null, null, lostSeconds, null), true, line);
    }
  }
}
