package org.cmtkiosk.audio;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;
import javax.sound.sampled.AudioFormat;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Fades;
import org.cmtkiosk.pcm.Levels;

/**
 * Plays a {@link Timeline} as 16-bit little-endian PCM, segment after segment, and takes live controls from any
 * thread: stop (with a fade), pause and resume (fades; the position holds), volume (ramped), tone on/off and pace.
 * It remembers which timeline position each output frame carries, so the LED can follow what is being heard.
 */
public final class TimelineStream extends InputStream {
  /** 16-bit mono little-endian at the timeline rate: what the sound card and WAV files get. */
  public static final AudioFormat FORMAT = Pcm.FORMAT;
  /** 20 ms: the granularity of rendering and of live changes. */
  private static final int BLOCK = Pcm.RATE_HZ / 50;
  private static final int RAMP = Pcm.RATE_HZ / 10;

  private final List<Segment> segments;
  private final AtomicLongArray segmentStarts;
  private final float[] mix = new float[BLOCK];
  private final byte[] bytes = new byte[BLOCK * 2];
  private final Ramp pauseGain = new Ramp(1.0, RAMP);
  private final Ramp volume = new Ramp(1.0, RAMP);
  /** Which output frames carried which timeline samples, for the last {@value #HISTORY} blocks (a ring). */
  private static final int HISTORY = 256;
  private final long[] heardFrame = new long[HISTORY];
  private final long[] heardPosition = new long[HISTORY];
  private final int[] heardLength = new int[HISTORY];
  private final boolean[] heardAdvancing = new boolean[HISTORY];
  private int heardCount;
  private int heardNext;
  private double lastGain = 1;
  private int byteCount;
  private int bytePos;
  private int segment;
  private long segmentPos;
  private volatile long position;
  private long outputFrames;
  private volatile long stopAt = Long.MAX_VALUE;
  private volatile long fadeFrom;
  private volatile boolean paused;
  private volatile boolean skipAsked;
  private boolean skipping;
  private volatile double volumeDb;
  private volatile boolean toneOn = true;
  private int paceSteps;
  private final List<Overlay> overlays = new java.util.ArrayList<>();
  private final Deque<Pcm> interjections = new ArrayDeque<>();
  private boolean resumeAfterInterjection;
  private LongConsumer listener = p -> { };

  public TimelineStream(Timeline timeline) {
    this.segments = timeline.segments();
    this.segmentStarts = new AtomicLongArray(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      segmentStarts.set(i, -1);
    }
  }

  /** Calls {@code listener} with the timeline position after each rendered block (e.g. for a progress bar). */
  public void onBlock(LongConsumer listener) {
    this.listener = listener;
  }

  /** Timeline samples rendered so far (it does not move while paused). */
  public long position() {
    return position;
  }

  /** The planned length in samples. */
  public long length() {
    return segments.stream().mapToLong(Segment::plannedLength).sum();
  }

  /** Fades out over {@code fade} and then ends the stream; works while paused too. Safe from any thread. */
  public synchronized void stop(Duration fade) {
    if (stopped()) {
      return;
    }
    fadeFrom = outputFrames;
    stopAt = outputFrames + Pcm.samplesOf(fade);
  }

  /** Frames rendered for output so far (the stream's own frame count, not what the listener heard yet). */
  public synchronized long outputFrames() {
    return outputFrames;
  }

  public boolean stopped() {
    return stopAt != Long.MAX_VALUE;
  }

  /** Fades out over 100 ms and holds the position until {@link #resume}. */
  public void pause() {
    paused = true;
    pauseGain.to(0);
  }

  /** Fades back in over 100 ms from where it paused. */
  public void resume() {
    paused = false;
    pauseGain.to(1);
  }

  public boolean paused() {
    return paused;
  }

  /**
   * "Skip": fades out over 100 ms and goes on from the start of the next spoken step or breathing block; after the
   * last one, the practice ends as if played to the end. Safe from any thread.
   */
  public void skipSection() {
    skipAsked = true;
  }

  /** Sets the output level relative to the rendered one, ramped over 100 ms (the caller keeps it in bounds). */
  public void setVolumeDb(double db) {
    volumeDb = db;
    volume.to(Levels.toGain(db));
  }

  public double volumeDb() {
    return volumeDb;
  }

  /** Switches every breathing block's tone off or on, with a 100 ms fade. */
  public synchronized void setToneOn(boolean on) {
    toneOn = on;
    for (Segment s : segments) {
      if (s instanceof BreatheSegment b && b.tone() != null) {
        b.tone().setEnabled(on);
      }
    }
  }

  public boolean toneOn() {
    return toneOn;
  }

  /**
   * Lengthens (+1) or shortens (−1) breaths from the next breath on, in the breathing block playing now and in
   * every later one. Returns the pace now aimed for, or empty when no breathing block is playing.
   */
  public synchronized Optional<BreathPattern> changePace(int direction) {
    paceSteps += direction;
    return currentBreathing().map(b -> direction > 0 ? b.schedule().slower() : b.schedule().faster());
  }

  private Optional<BreatheSegment> currentBreathing() {
    return segment < segments.size() && segments.get(segment) instanceof BreatheSegment b
        ? Optional.of(b) : Optional.empty();
  }

  /** The timeline position carried by output frame {@code frame} (as counted from the stream's first byte). */
  public synchronized long positionAt(long frame) {
    for (int k = 0; k < heardCount; k++) {
      int i = Math.floorMod(heardNext - 1 - k, HISTORY);
      if (frame >= heardFrame[i] && frame < heardFrame[i] + heardLength[i]) {
        return heardAdvancing[i] ? heardPosition[i] + (frame - heardFrame[i]) : heardPosition[i];
      }
    }
    int oldest = Math.floorMod(heardNext - heardCount, HISTORY);
    return heardCount == 0 || frame < heardFrame[oldest] ? 0 : position;
  }

  /** Where the breathing block being heard at output {@code frame} is, or empty if none is being heard. */
  public Optional<BreathSchedule.Position> breathAt(long frame) {
    long p = positionAt(frame);
    for (int i = segments.size() - 1; i >= 0; i--) {
      long start = segmentStarts.get(i);
      if (start >= 0 && start <= p) {
        return segments.get(i) instanceof BreatheSegment b
            ? Optional.of(b.schedule().at(Pcm.timeOf(p - start))) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The pattern of every breath begun so far, in order, across all breathing blocks. */
  public List<BreathPattern> breathsBegun() {
    long p = position;
    List<BreathPattern> begun = new java.util.ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      long start = segmentStarts.get(i);
      if (start >= 0 && segments.get(i) instanceof BreatheSegment b) {
        b.schedule().breaths().stream().filter(x -> start + Pcm.samplesOf(x.start()) < p)
            .forEach(x -> begun.add(x.pattern()));
      }
    }
    return begun;
  }

  /** Plays {@code clip} over whatever is playing, from the next block (e.g. the soft "command accepted" sound). */
  public synchronized void playNow(Pcm clip) {
    overlays.add(new Overlay(clip, false));
  }

  /** Pauses (with its fade), says {@code clip} (e.g. spoken help), and carries on where it was. */
  public synchronized void interject(Pcm clip) {
    interjections.add(clip);
    if (!paused) {
      pause();
      resumeAfterInterjection = true;
    }
  }

  /** Whether the device is making sound of its own (speech, a cue, a chime, help) at output {@code frame}. */
  public boolean soundingAt(long frame) {
    synchronized (this) {
      if (!overlays.isEmpty() || !interjections.isEmpty()) {
        return true;
      }
    }
    long p = positionAt(frame);
    for (int i = segments.size() - 1; i >= 0; i--) {
      long start = segmentStarts.get(i);
      if (start >= 0 && start <= p) {
        long at = p - start;
        return segments.get(i).sounds().stream().anyMatch(s -> s.start() <= at && at < s.end());
      }
    }
    return false;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (bytePos == byteCount && !renderNext()) {
      return -1;
    }
    int n = Math.min(len, byteCount - bytePos);
    System.arraycopy(bytes, bytePos, b, off, n);
    bytePos += n;
    return n;
  }

  private synchronized boolean renderNext() {
    if (outputFrames >= stopAt) {
      return false;
    }
    int n = (int) Math.min(BLOCK, stopAt - outputFrames);
    java.util.Arrays.fill(mix, 0, n, 0f);
    skipIfAsked();
    boolean holding = paused && pauseGain.value() == 0;
    if (!holding) {
      n = renderSegments(n);
      if (n == 0) {
        return false;
      }
    }
    applyGains(n);
    mixOverlays(n, holding);
    toBytes(n);
    remember(n, !holding);
    listener.accept(position);
    return true;
  }

  /** A skip fades out first, then jumps between blocks, then fades back in (unless paused meanwhile). */
  private void skipIfAsked() {
    if (skipAsked && !skipping) {
      skipping = true;
      pauseGain.to(0);
    } else if (skipping) {
      if (pauseGain.value() > 0) {
        pauseGain.to(0);
        return;
      }
      skipping = false;
      skipAsked = false;
      int next = segment + 1;
      while (next < segments.size() && !(segments.get(next) instanceof BreatheSegment)
          && !(segments.get(next) instanceof FixedSegment f && f.kind() == Mark.Kind.SAY)) {
        next++;
      }
      segment = next;
      segmentPos = 0;
      if (!paused) {
        pauseGain.to(1);
      }
    }
  }

  private int renderSegments(int n) {
    int produced = 0;
    while (produced < n && segment < segments.size()) {
      if (segmentStarts.get(segment) < 0) {
        begin(segment, position + produced);
      }
      int got = segments.get(segment).mixInto(mix, produced, segmentPos, n - produced);
      produced += got;
      segmentPos += got;
      if (produced < n) {
        segment++;
        segmentPos = 0;
      }
    }
    return produced;
  }

  /** A new segment starts: record where, and carry the listener's pace and tone choices into it. */
  private void begin(int i, long start) {
    segmentStarts.set(i, start);
    if (segments.get(i) instanceof BreatheSegment b) {
      for (int k = 0; k < Math.abs(paceSteps); k++) {
        if (paceSteps > 0) {
          b.schedule().slower();
        } else {
          b.schedule().faster();
        }
      }
      if (b.tone() != null) {
        b.tone().setEnabled(toneOn);
      }
    }
  }

  /** Pause, volume and the stop fade; once stopping, the gain only ever goes down. */
  private void applyGains(int n) {
    for (int i = 0; i < n; i++) {
      double g = pauseGain.next() * volume.next();
      if (stopAt != Long.MAX_VALUE) {
        double span = Math.max(1, stopAt - fadeFrom);
        g = Math.min(lastGain, g * (1 - Fades.rise((outputFrames + i - fadeFrom) / span)));
      }
      lastGain = g;
      mix[i] *= (float) g;
    }
  }

  private void mixOverlays(int n, boolean holding) {
    if (holding && interjections.peek() != null && overlays.stream().noneMatch(Overlay::interjection)) {
      overlays.add(new Overlay(interjections.poll(), true));
    }
    for (Overlay o : overlays) {
      o.mixInto(mix, n, volume.target());
    }
    boolean interjectionsOver = overlays.removeIf(Overlay::done) && interjections.isEmpty()
        && overlays.stream().noneMatch(Overlay::interjection);
    if (interjectionsOver && resumeAfterInterjection) {
      resumeAfterInterjection = false;
      resume();
    }
  }

  /** A clip played on top of the timeline, outside its positions. */
  private static final class Overlay {
    private final Pcm clip;
    private final boolean interjection;
    private int pos;

    Overlay(Pcm clip, boolean interjection) {
      this.clip = clip;
      this.interjection = interjection;
    }

    boolean interjection() {
      return interjection;
    }

    boolean done() {
      return pos >= clip.length();
    }

    void mixInto(float[] mix, int n, double gain) {
      float[] s = clip.samples();
      for (int i = 0; i < n && pos < s.length; i++, pos++) {
        mix[i] += (float) (s[pos] * gain);
      }
    }
  }

  private void remember(int n, boolean advancing) {
    heardFrame[heardNext] = outputFrames;
    heardPosition[heardNext] = position;
    heardLength[heardNext] = n;
    heardAdvancing[heardNext] = advancing;
    heardNext = (heardNext + 1) % HISTORY;
    heardCount = Math.min(HISTORY, heardCount + 1);
    outputFrames += n;
    if (advancing) {
      position += n;
    }
  }

  private void toBytes(int n) {
    for (int i = 0; i < n; i++) {
      float v = Math.max(-1f, Math.min(1f, mix[i]));
      int s = Math.round(v * 32767f);
      bytes[2 * i] = (byte) s;
      bytes[2 * i + 1] = (byte) (s >> 8);
    }
    byteCount = 2 * n;
    bytePos = 0;
  }
}
