package org.cmtkiosk.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.WavFiles;

/**
 * Writes the timeline to a WAV file instead of playing it: as fast as possible, or in real time (so an LED or a
 * console bar can be followed on a machine without speakers).
 */
public final class WavFileOut implements AudioOut {
  private final Path file;
  private final boolean realTime;
  private final LongSupplier nanoClock;
  private volatile long framesRead;
  private volatile long startNanos = -1;

  public WavFileOut(Path file) {
    this(file, false, System::nanoTime);
  }

  public WavFileOut(Path file, boolean realTime, LongSupplier nanoClock) {
    this.file = file;
    this.realTime = realTime;
    this.nanoClock = nanoClock;
  }

  public Path file() {
    return file;
  }

  /** The length is left unknown so javax.sound fixes the header at the end: a stopped render is a valid WAV. */
  @Override
  public void play(TimelineStream stream) throws IOException {
    InputStream in = new Paced(stream);
    WavFiles.write(new AudioInputStream(in, TimelineStream.FORMAT, AudioSystem.NOT_SPECIFIED), file);
  }

  @Override
  public long framesHeard() {
    if (!realTime || startNanos < 0) {
      return framesRead;
    }
    return Math.min(framesRead, (nanoClock.getAsLong() - startNanos) * Pcm.RATE_HZ / 1_000_000_000L);
  }

  @Override
  public String describe() {
    return file.toAbsolutePath().toString();
  }

  /** Counts frames and, in real time, hands them out no faster than they would be heard. */
  private final class Paced extends InputStream {
    private final TimelineStream stream;

    Paced(TimelineStream stream) {
      this.stream = stream;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (startNanos < 0) {
        startNanos = nanoClock.getAsLong();
      }
      if (realTime) {
        long due = startNanos + framesRead * 1_000_000_000L / Pcm.RATE_HZ;
        long wait;
        while ((wait = due - nanoClock.getAsLong()) > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      int n = stream.read(b, off, Math.min(len, 2 * Pcm.RATE_HZ / 50));
      if (n > 0) {
        framesRead += n / 2;
      }
      return n;
    }
  }
}
