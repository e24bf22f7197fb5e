package org.cmtkiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cmtkiosk.audio.PlaybackEvents;
import org.cmtkiosk.journal.Journal;
import org.cmtkiosk.journal.Recording;
import org.cmtkiosk.journal.SessionRecord;

/**
 * A journal that also records, with the session under way, what happened to the sound: the output lost and back,
 * and underruns. The flow begins and ends sessions through it; playback reports to it from the audio thread.
 */
final class SoundJournal implements Journal, PlaybackEvents {
  private final Journal journal;
  private final Clock clock;
  private volatile Recording current;

  SoundJournal(Journal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
  }

  @Override
  public Recording begin(Instant start) {
    Recording r = new Tracked(journal.begin(start));
    current = r;
    return r;
  }

  @Override
  public boolean flush() {
    return journal.flush();
  }

  @Override
  public void lost(String cause) {
    Recording r = current;
    if (r != null) {
      r.soundLost(clock.instant());
    }
  }

  @Override
  public void back(Duration after) {
    Recording r = current;
    if (r != null) {
      r.soundBack(clock.instant());
    }
  }

  @Override
  public void underrun(Duration gap) {
    Recording r = current;
    if (r != null) {
      r.underrun();
    }
  }

  /** A recording that stops receiving sound events once it has ended. */
  private final class Tracked implements Recording {
    private final Recording real;

    Tracked(Recording real) {
      this.real = real;
    }

    @Override
    public String sessionId() {
      return real.sessionId();
    }

    @Override
    public Instant start() {
      return real.start();
    }

    @Override
    public void practiceBegins(String practiceId, Instant at) {
      real.practiceBegins(practiceId, at);
    }

    @Override
    public void soundLost(Instant at) {
      real.soundLost(at);
    }

    @Override
    public void soundBack(Instant at) {
      real.soundBack(at);
    }

    @Override
    public void underrun() {
      real.underrun();
    }

    @Override
    public boolean end(SessionRecord record) {
      if (current == this) {
        current = null;
      }
      return real.end(record);
    }
  }
}
