package org.cmtkiosk.audio;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a {@link Timeline} block by block as 16-bit little-endian PCM. {@link #stop} ends it early with a short
 * fade, from any thread.
 */
public final class TimelineStream extends InputStream {
  /** 16-bit mono little-endian at the timeline rate: what the sound card and WAV files get. */
  public static final AudioFormat FORMAT = new AudioFormat(Pcm.RATE_HZ, 16, 1, true, false);
  private static final int BLOCK = Pcm.RATE_HZ / 50;

  private final List<Timeline.Placed> sounds;
  private final long length;
  private final float[] mix = new float[BLOCK];
  private final byte[] bytes = new byte[BLOCK * 2];
  private int byteCount;
  private int bytePos;
  private long position;
  private volatile long stopAt = Long.MAX_VALUE;
  private long fadeFrom = Long.MAX_VALUE;
  private java.util.function.LongConsumer listener = position -> { };

  public TimelineStream(Timeline timeline) {
    this.sounds = timeline.sounds();
    this.length = timeline.length();
  }

  /** The whole timeline as an {@link AudioInputStream} of known length. */
  public static AudioInputStream audio(Timeline timeline) {
    return new AudioInputStream(new TimelineStream(timeline), FORMAT, timeline.length());
  }

  /** Calls {@code listener} with the position after each rendered block (e.g. for a progress bar). */
  public void onBlock(java.util.function.LongConsumer listener) {
    this.listener = listener;
  }

  /** Samples rendered so far. */
  public long position() {
    return position;
  }

  public long length() {
    return length;
  }

  /** Fades out over {@code fade} from the next block and then ends the stream. */
  public void stop(Duration fade) {
    long now = position;
    fadeFrom = now;
    stopAt = Math.min(length, now + Pcm.samplesOf(fade));
  }

  public boolean stopped() {
    return stopAt != Long.MAX_VALUE;
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

  private boolean renderNext() {
    long end = Math.min(length, stopAt);
    if (position >= end) {
      return false;
    }
    int n = (int) Math.min(BLOCK, end - position);
    java.util.Arrays.fill(mix, 0, n, 0f);
    for (Timeline.Placed p : sounds) {
      if (p.start() >= position + n) {
        break;
      }
      long from = Math.max(position, p.start());
      long to = Math.min(position + n, p.end());
      if (from < to) {
        p.sound().mixInto(mix, (int) (from - position), from - p.start(), (int) (to - from));
      }
    }
    applyStopFade(n);
    toBytes(n);
    position += n;
    listener.accept(position);
    return true;
  }

  private void applyStopFade(int n) {
    if (stopAt == Long.MAX_VALUE) {
      return;
    }
    double span = Math.max(1, stopAt - fadeFrom);
    for (int i = 0; i < n; i++) {
      mix[i] *= (float) (1 - Fades.rise((position + i - fadeFrom) / span));
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
