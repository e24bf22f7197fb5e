package org.cmtkiosk.session;

import java.time.Duration;
import org.cmtkiosk.audio.PlaybackEvents;

/** Counts what went wrong with the sound during a session (device lost and back, underruns), for its journal record. */
public final class SoundReport implements PlaybackEvents {
  private int lost;
  private int back;
  private Duration lostFor = Duration.ZERO;
  private int underruns;
  private Duration underrunGap = Duration.ZERO;

  /** What was counted since the last call, and a fresh start. */
  public synchronized Counts take() {
    Counts c = new Counts(lost, back, lostFor, underruns, underrunGap);
    lost = 0;
    back = 0;
    lostFor = Duration.ZERO;
    underruns = 0;
    underrunGap = Duration.ZERO;
    return c;
  }

  /** Sound problems of one session. */
  public record Counts(int lost, int back, Duration lostFor, int underruns, Duration underrunGap) {
    public boolean any() {
      return lost > 0 || underruns > 0;
    }
  }

  @Override
  public synchronized void lost(String cause) {
    lost++;
  }

  @Override
  public synchronized void back(Duration after) {
    back++;
    lostFor = lostFor.plus(after);
  }

  @Override
  public synchronized void underrun(Duration gap) {
    underruns++;
    underrunGap = underrunGap.plus(gap);
  }
}
