package org.cmtkiosk.testing;

import java.time.Duration;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.TimelineStream;

/**
 * Plays a stream on a simulated clock: time moves only when the test says, the "sound card" keeps a fixed buffer
 * ahead of what is heard, and {@link #framesHeard} is the audio clock the LED reads.
 */
public final class SimulatedPlayback {
  private final TimelineStream stream;
  private final long bufferFrames;
  private final byte[] scratch = new byte[4800];
  private long heard;
  private long written;
  private boolean ended;

  public SimulatedPlayback(TimelineStream stream, Duration buffer) {
    this.stream = stream;
    this.bufferFrames = Pcm.samplesOf(buffer);
  }

  /** Moves time on by {@code step}: the card plays that much and is refilled. */
  public void advance(Duration step) {
    heard += Pcm.samplesOf(step);
    while (!ended && written < heard + bufferFrames) {
      int n = stream.read(scratch, 0, (int) Math.min(scratch.length, 2 * (heard + bufferFrames - written)));
      if (n < 0) {
        ended = true;
      } else {
        written += n / 2;
      }
    }
  }

  public long framesHeard() {
    return Math.min(heard, written);
  }

  public boolean ended() {
    return ended && heard >= written;
  }
}
