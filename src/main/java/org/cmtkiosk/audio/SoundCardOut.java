package org.cmtkiosk.audio;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.cmtkiosk.pcm.Pcm;

/**
 * Live playback. Writes 20 ms blocks into a device buffer sized by {@code audio.buffer}, never blocking inside the
 * device, so a stop is seen within a few milliseconds: what is queued is then thrown away and only its first
 * {@link #HUSH} is played, fading down. If the buffer runs dry (an underrun: the machine was too busy to feed it),
 * that is reported to {@link PlaybackEvents} (the live session logs the first and journals them all). If the device disappears mid-session (a
 * USB speaker pulled out), the practice pauses where the listener stopped hearing it, one line is logged, and the device
 * is tried again every {@code retry_every}: it resumes when the device is back — first playing again, with a short
 * fade-in, what was queued in the lost device but never heard — or ends with an error after {@code give_up_after}.
 */
public final class SoundCardOut implements AudioOut {
  /** The fade applied to what is already queued when a stop arrives: short, and only ever going down. */
  public static final Duration HUSH = Duration.ofMillis(40);
  /** How often the writer looks for room in the device buffer (and so for a stop). */
  private static final Duration POLL = Duration.ofMillis(5);
  /** A device that takes no audio for this long is treated as gone. */
  private static final Duration STALL = Duration.ofSeconds(2);
  private static final int BLOCK_BYTES = 2 * Pcm.RATE_HZ / 50;
  /** The fade-in of what is played again after the device comes back (it was cut off mid-sound). */
  private static final Duration REPLAY_FADE_IN = Duration.ofMillis(20);
  /** Lateness below this is scheduling noise, not a gap anyone hears. */
  private static final Duration UNDERRUN_TOLERANCE = Duration.ofMillis(15);

  private final PcmLine.Opener opener;
  private final AudioSettings settings;
  private final Consumer<String> log;
  private final LongSupplier nanoClock;
  private final Waiter waiter;
  private final String name;
  private volatile PcmLine line;
  private volatile long framesBefore;
  private volatile PlaybackEvents events = PlaybackEvents.NONE;
  private byte[] recent = new byte[0];
  private byte[] fade = new byte[0];
  private long writtenFrames;
  /** What the current line had played at the last write: where a lost device left the listener. */
  private long heardOnLine;
  private boolean started;
  private long emptyAtNanos;
  private long underruns;

  /** Waits between retries and polls (a real sleep here; tests move a simulated clock instead). */
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
    return new SoundCardOut(opener, settings, log, System::nanoTime, SoundCardOut::sleep, first.name());
  }

  /** Says whether the configured device can be opened now (it is closed again at once). */
  public static void check(AudioSettings settings) throws AudioUnavailableException {
    JavaSoundLine.open(settings).close();
  }

  private static void sleep(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
  }

  /** Where loss, recovery and underruns are reported (set before {@link #play}). */
  public SoundCardOut events(PlaybackEvents events) {
    this.events = events;
    return this;
  }

  /** Underruns seen so far. */
  public long underruns() {
    return underruns;
  }

  @Override
  public void play(TimelineStream stream) throws IOException {
    byte[] block = new byte[BLOCK_BYTES];
    int history = Math.max(line.bufferBytes(), 2 * Pcm.samplesOf(settings.buffer())) + BLOCK_BYTES;
    recent = new byte[history - history % 2];
    fade = new byte[2 * Pcm.samplesOf(HUSH)];
    try {
      while (true) {
        if (stream.stopped()) {
          hush();
          return;
        }
        int n = stream.read(block, 0, block.length);
        if (n <= 0) {
          break;
        }
        if (!writeAll(block, n, stream)) {
          return;
        }
      }
      finish(stream);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while playing", e);
    } finally {
      line.close();
    }
  }

  /** Writes one block as room appears, riding out a lost device; false if a stop ended playback meanwhile. */
  private boolean writeAll(byte[] block, int n, TimelineStream stream) throws IOException, InterruptedException {
    int off = 0;
    long waitingSince = nanoClock.getAsLong();
    while (off < n) {
      if (stream.stopped()) {
        hush();
        return false;
      }
      try {
        PcmLine l = line;
        noticeUnderrun(l);
        int room = Math.min(l.available(), n - off) & ~1;
        if (room == 0) {
          if (nanoClock.getAsLong() - waitingSince > STALL.toNanos()) {
            throw new IllegalStateException("the device took no audio for " + STALL.toSeconds() + " s");
          }
          waiter.await(POLL);
          continue;
        }
        int written = l.write(block, off, room);
        if (written <= 0) {
          throw new IllegalStateException("the device accepted no audio");
        }
        remember(block, off, written, l);
        off += written;
        waitingSince = nanoClock.getAsLong();
      } catch (RuntimeException e) {
        byte[] unheard = unheard();
        if (!reconnect(e, stream) || !writeAll(unheard, unheard.length, stream)) {
          return false;
        }
        waitingSince = nanoClock.getAsLong();
      }
    }
    return true;
  }

  /** Keeps a copy of what was queued (for the hush fade) and when the queue would run dry. */
  private void remember(byte[] block, int off, int length, PcmLine l) {
    for (int i = 0; i < length; i++) {
      recent[(int) ((2 * writtenFrames + i) % recent.length)] = block[off + i];
    }
    writtenFrames += length / 2;
    heardOnLine = l.framesPlayed();
    if (!started && 2 * writtenFrames >= Math.min(l.bufferBytes(), 2 * Pcm.samplesOf(settings.buffer())) / 2) {
      startLine(l);
    }
    // What is queued, as far as the device buffer can hold it (a sound server's own buffer is not counted on).
    long queued = Math.min(writtenFrames - heardOnLine, l.bufferBytes() > 0 ? l.bufferBytes() / 2 : Long.MAX_VALUE);
    emptyAtNanos = nanoClock.getAsLong() + queued * 1_000_000_000L / Pcm.RATE_HZ;
  }

  /**
   * The writer came back later than the queue could last: the speaker ran dry (an underrun) and the listener heard
   * a gap. Judged by time (when the queue written last would have run out), so it does not depend on how a sound
   * server reports the play position.
   */
  private void noticeUnderrun(PcmLine l) {
    if (!started || l.bufferBytes() <= 0 || emptyAtNanos == 0) {
      return;
    }
    long late = nanoClock.getAsLong() - emptyAtNanos;
    if (late <= UNDERRUN_TOLERANCE.toNanos()) {
      return;
    }
    Duration gap = Duration.ofNanos(late);
    underruns++;
    emptyAtNanos = 0;
    events.underrun(gap);
  }

  private void startLine(PcmLine l) {
    started = true;
    l.start();
  }

  /** Waits until everything queued has been heard; a stop meanwhile hushes it. */
  private void finish(TimelineStream stream) throws InterruptedException {
    PcmLine l = line;
    if (!started) {
      startLine(l);
    }
    long deadline = nanoClock.getAsLong() + settings.buffer().toNanos() + STALL.toNanos();
    while (l.framesPlayed() < writtenFrames && nanoClock.getAsLong() < deadline) {
      if (stream.stopped()) {
        hush();
        return;
      }
      waiter.await(POLL);
    }
    l.drain();
  }

  /** Throws away what is queued, then plays only its first {@link #HUSH}, fading down to silence. */
  private void hush() throws InterruptedException {
    PcmLine l = line;
    long unheard = Math.max(0, Math.min(writtenFrames - l.framesPlayed(), recent.length / 2));
    int frames = (int) Math.min(unheard, fade.length / 2);
    try {
      l.flush();
      long first = writtenFrames - unheard;
      for (int i = 0; i < frames; i++) {
        int at = (int) ((2 * (first + i)) % recent.length);
        int sample = (short) ((recent[at] & 0xff) | (recent[at + 1] << 8));
        int faded = (int) Math.round(sample * (1 - (i + 1) / (double) frames));
        fade[2 * i] = (byte) faded;
        fade[2 * i + 1] = (byte) (faded >> 8);
      }
      int off = 0;
      while (off < 2 * frames) {
        int w = l.write(fade, off, 2 * frames - off);
        if (w <= 0) {
          break;
        }
        off += w;
      }
      writtenFrames = l.framesPlayed() + frames;
      if (!started) {
        startLine(l);
      }
      long deadline = nanoClock.getAsLong() + HUSH.toNanos() + POLL.toNanos() * 20;
      while (l.framesPlayed() < writtenFrames && nanoClock.getAsLong() < deadline) {
        waiter.await(POLL);
      }
    } catch (RuntimeException gone) {
      // The device went away as we stopped: there is nothing left to hear.
    }
  }

  /**
   * What the lost device had queued but not yet played, as a copy that fades in; counts the rest as heard (so the
   * audio clock, and with it the light and the subtitles, stays on what the listener heard).
   */
  private byte[] unheard() {
    long frames = Math.max(0, Math.min(writtenFrames - Math.min(heardOnLine, writtenFrames), recent.length / 2));
    byte[] again = new byte[(int) (2 * frames)];
    long first = writtenFrames - frames;
    int fadeIn = Math.min((int) frames, Pcm.samplesOf(REPLAY_FADE_IN));
    for (int i = 0; i < frames; i++) {
      int at = (int) ((2 * (first + i)) % recent.length);
      int sample = (short) ((recent[at] & 0xff) | (recent[at + 1] << 8));
      if (i < fadeIn) {
        sample = (int) Math.round(sample * (i / (double) fadeIn));
      }
      again[2 * i] = (byte) sample;
      again[2 * i + 1] = (byte) (sample >> 8);
    }
    framesBefore += first;
    return again;
  }

  private boolean reconnect(RuntimeException cause, TimelineStream stream) throws IOException {
    closeQuietly(line);
    line = new ClosedLine();
    writtenFrames = 0;
    heardOnLine = 0;
    started = false;
    emptyAtNanos = 0;
    log.accept("Sound output lost (" + cause.getMessage() + "); the practice is paused where it was. Trying again "
        + "every " + settings.retryEvery().toSeconds() + " s — reconnect the speaker or check the USB cable.");
    events.lost(String.valueOf(cause.getMessage()));
    long start = nanoClock.getAsLong();
    boolean first = true;
    while (!stream.stopped()) {
      if (nanoClock.getAsLong() - start >= settings.giveUpAfter().toNanos()) {
        line = new ClosedLine();
        throw new IOException("the sound output did not come back within " + settings.giveUpAfter().toSeconds()
            + " s; the session was ended");
      }
      try {
        // Tried again at once first: a sound server that was only too busy to take audio is back in moments.
        if (!first) {
          waiter.await(settings.retryEvery());
        }
        first = false;
        line = opener.open();
        log.accept("Sound output is back; the practice carries on.");
        events.back(Duration.ofNanos(nanoClock.getAsLong() - start));
        return true;
      } catch (AudioUnavailableException stillGone) {
        // Try again after the next wait.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line = new ClosedLine();
        throw new IOException("interrupted while waiting for the sound output", e);
      }
    }
    line = new ClosedLine();
    return false;
  }

  private static long safeFramesPlayed(PcmLine l) {
    try {
      return l.framesPlayed();
    } catch (RuntimeException gone) {
      return 0;
    }
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
    return framesBefore + safeFramesPlayed(line);
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
