package org.cmtkiosk.audio;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.cmtkiosk.pcm.Pcm;

/**
 * Live playback. If the device disappears mid-session (a USB speaker pulled out), the practice pauses where it was,
 * one line is logged, and the device is tried again every {@code retry_every}: it resumes when the device is back,
 * or ends cleanly after {@code give_up_after} (and is journalled as an error by the caller).
 */
public final class SoundCardOut implements AudioOut {
  private final PcmLine.Opener opener;
  private final AudioSettings settings;
  private final Consumer<String> log;
  private final LongSupplier nanoClock;
  private final Waiter waiter;
  private final String name;
  private PcmLine line;
  private volatile long framesBefore;

  /** Waits between retries (a real sleep here; tests move a simulated clock instead). */
  public interface Waiter {
    void await(Duration d) throws InterruptedException;
  }

  SoundCardOut(PcmLine.Opener opener, AudioSettings settings, Consumer<String> log, LongSupplier nanoClock,
      Waiter waiter, String name) throws AudioUnavailableException {
    this.opener = opener;
    this.settings = settings;
    this.log = log;
    this.nanoClock = nanoClock;
    this.waiter = waiter;
    this.name = name;
    this.line = opener.open();
  }

  /** Opens the configured javax.sound device; fails at once (one line) when the machine has none. */
  public static SoundCardOut open(AudioSettings settings, Consumer<String> log) throws AudioUnavailableException {
    JavaSoundLine first = JavaSoundLine.open(settings);
    boolean[] used = {false};
    PcmLine.Opener opener = () -> {
      if (!used[0]) {
        used[0] = true;
        return first;
      }
      return JavaSoundLine.open(settings);
    };
    return new SoundCardOut(opener, settings, log, System::nanoTime, d -> Thread.sleep(d.toMillis()), first.name());
  }

  @Override
  public void play(TimelineStream stream) throws IOException {
    byte[] buffer = new byte[Pcm.samplesOf(settings.buffer())];
    try {
      int n;
      while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
        if (!writeAll(buffer, n, stream)) {
          return;
        }
      }
      line.drain();
    } finally {
      line.close();
    }
  }

  /** Writes one buffer, riding out a lost device; false if the stream was stopped while waiting for it. */
  private boolean writeAll(byte[] buffer, int n, TimelineStream stream) throws IOException {
    int off = 0;
    while (off < n) {
      try {
        int written = line.write(buffer, off, n - off);
        if (written <= 0) {
          throw new IllegalStateException("the device accepted no audio");
        }
        off += written;
      } catch (RuntimeException e) {
        if (!reconnect(e, stream)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean reconnect(RuntimeException cause, TimelineStream stream) throws IOException {
    framesBefore += line.framesPlayed();
    closeQuietly(line);
    log.accept("Sound output lost (" + cause.getMessage() + "); the practice is paused where it was. Trying again "
        + "every " + settings.retryEvery().toSeconds() + " s — reconnect the speaker or check the USB cable.");
    long start = nanoClock.getAsLong();
    while (!stream.stopped()) {
      if (nanoClock.getAsLong() - start >= settings.giveUpAfter().toNanos()) {
        throw new IOException("the sound output did not come back within " + settings.giveUpAfter().toSeconds()
            + " s; the session was ended");
      }
      try {
        waiter.await(settings.retryEvery());
        line = opener.open();
        log.accept("Sound output is back; the practice carries on.");
        return true;
      } catch (AudioUnavailableException stillGone) {
        // Try again after the next wait.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the sound output", e);
      }
    }
    line = new ClosedLine();
    return false;
  }

  private static void closeQuietly(PcmLine l) {
    try {
      l.close();
    } catch (RuntimeException ignored) {
      // The device is already gone.
    }
  }

  @Override
  public long framesHeard() {
    return framesBefore + line.framesPlayed();
  }

  @Override
  public String describe() {
    return name;
  }

  /** Stands in after a stop while the device was gone, so closing and the audio clock still work. */
  private static final class ClosedLine implements PcmLine {
    @Override
    public int write(byte[] bytes, int offset, int length) {
      return length;
    }

    @Override
    public long framesPlayed() {
      return 0;
    }

    @Override
    public void drain() { }

    @Override
    public void close() { }
  }
}
