package org.cmtkiosk.audio;

import java.util.concurrent.locks.LockSupport;
import org.cmtkiosk.pcm.Pcm;

/** Plays into silence at the speed of real time: the kiosk's flow and LED still work on a machine without sound. */
public final class RealTimeNullOut implements AudioOut {
  private volatile long frames;
  private volatile long startNanos = -1;

  @Override
  public void play(TimelineStream stream) {
    byte[] buffer = new byte[2 * Pcm.RATE_HZ / 50];
    startNanos = System.nanoTime();
    frames = 0;
    int n;
    while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
      frames += n / 2;
      long due = startNanos + frames * 1_000_000_000L / Pcm.RATE_HZ;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  @Override
  public long framesHeard() {
    return startNanos < 0 ? 0 : Math.min(frames, (System.nanoTime() - startNanos) * Pcm.RATE_HZ / 1_000_000_000L);
  }

  @Override
  public String describe() {
    return "no sound output (silent)";
  }
}
