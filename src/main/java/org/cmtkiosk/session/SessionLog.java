package org.cmtkiosk.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Command;

/** Collects what the journal keeps of one session while it happens; starts empty for every new person. */
public final class SessionLog {
  private final String id = UUID.randomUUID().toString();
  private final Instant start;
  private final List<SessionRecord.PracticeDone> practices = new ArrayList<>();
  private final Map<String, Integer> commands = new TreeMap<>();
  private final List<Double> paces = new ArrayList<>();
  private Integer calmBefore;
  private Integer calmAfter;

  public SessionLog(Clock clock) {
    this.start = clock.instant();
  }

  public synchronized void command(Command c) {
    commands.merge(c.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
  }

  public synchronized void practice(PracticeRun.Result result) {
    practices.add(result.done());
    paces.addAll(result.breathsPerMinute());
  }

  public synchronized void practice(Stage.Ended ended) {
    practices.add(ended.done());
    paces.addAll(ended.breathsPerMinute());
  }

  public synchronized void calmBefore(int value) {
    calmBefore = value;
  }

  public synchronized void calmAfter(int value) {
    calmAfter = value;
  }

  public synchronized List<SessionRecord.PracticeDone> practices() {
    return List.copyOf(practices);
  }

  /** The journal record of the session, ending now. */
  public synchronized SessionRecord record(Clock clock) {
    return new SessionRecord(id, start, clock.instant(), practices, commands, calmBefore, calmAfter,
        paces.stream().min(Double::compare).orElse(null), paces.stream().max(Double::compare).orElse(null));
  }
}
