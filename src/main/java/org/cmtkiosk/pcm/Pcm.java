package org.cmtkiosk.pcm;

import java.time.Duration;
import javax.sound.sampled.AudioFormat;

/** Mono audio as floats in [-1, 1] at {@link #RATE_HZ}, the one sample rate the timeline uses. */
public record Pcm(float[] samples) {
  /** 24 kHz: keeps the voice's full clarity while halving the work and cache size of MaryTTS' 48 kHz. */
  public static final int RATE_HZ = 24_000;

  /** The one live and file format: 16-bit signed little-endian mono at {@link #RATE_HZ}. */
  public static final AudioFormat FORMAT = new AudioFormat(RATE_HZ, 16, 1, true, false);

  public static Pcm silence(Duration length) {
    return new Pcm(new float[samplesOf(length)]);
  }

  public int length() {
    return samples.length;
  }

  public Duration duration() {
    return Duration.ofNanos(Math.round(samples.length * 1e9 / RATE_HZ));
  }

  /** The number of samples closest to {@code d}. */
  public static int samplesOf(Duration d) {
    return (int) Math.round(d.toNanos() * (double) RATE_HZ / 1e9);
  }

  /** The time of sample {@code n}. */
  public static Duration timeOf(long n) {
    return Duration.ofNanos(Math.round(n * 1e9 / RATE_HZ));
  }
}
