package org.cmtkiosk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;

/** Renders timelines to samples and measures them, for assertions about what a listener would hear. */
public final class Audio {
  private Audio() {}

  /** The timeline as the 16-bit samples a WAV file or sound card gets, back as floats. */
  public static float[] render(Timeline timeline) throws IOException {
    return decode(bytes(new TimelineStream(timeline)));
  }

  /** Everything left in the stream. */
  public static byte[] bytesOf(TimelineStream stream) {
    try {
      return bytes(stream);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static byte[] bytes(TimelineStream stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  public static float[] decode(byte[] bytes) {
    float[] s = new float[bytes.length / 2];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) ((bytes[2 * i + 1] << 8) | (bytes[2 * i] & 0xff)) / 32768f;
    }
    return s;
  }

  /** Peak absolute value over samples [from, to). */
  public static double peak(float[] s, long from, long to) {
    double p = 0;
    for (long i = Math.max(0, from); i < Math.min(s.length, to); i++) {
      p = Math.max(p, Math.abs(s[(int) i]));
    }
    return p;
  }

  /** Amplitude envelope: the peak over a 5 ms window centred on each millisecond. */
  public static double[] envelopePerMs(float[] s, long from, long to) {
    int perMs = Pcm.RATE_HZ / 1000;
    int ms = (int) ((to - from) / perMs);
    double[] env = new double[ms];
    for (int i = 0; i < ms; i++) {
      long centre = from + (long) i * perMs;
      env[i] = peak(s, centre - 60, centre + 60);
    }
    return env;
  }

  /** The largest jump between neighbouring samples in [from, to): a click shows up as a big one. */
  public static double largestStep(float[] s, long from, long to) {
    double step = 0;
    for (long i = Math.max(1, from); i < Math.min(s.length, to); i++) {
      step = Math.max(step, Math.abs(s[(int) i] - s[(int) i - 1]));
    }
    return step;
  }
}
