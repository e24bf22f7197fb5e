package org.cmtkiosk.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Mono audio as floats, with the measurements the end-to-end tests make on what the speaker played: levels, where
 * sound starts and ends, alignment with the rendered practice, and gaps. Independent of the production audio classes,
 * so the tests judge the program from the outside.
 */
public record Wave(float[] samples, int rateHz) {
  /** The level at which a sample counts as sound: −60 dBFS. Below it is inaudible at any sane volume. */
  public static final double SOUND = dbfsToLinear(-60);
  /** Digital silence: a 16-bit sample of 0 (what a sound server plays when it has nothing; the render's pauses). */
  public static final double DIGITAL_SILENCE = 0.5 / 32768;

  public static double dbfsToLinear(double dbfs) {
    return Math.pow(10, dbfs / 20);
  }

  public static double linearToDbfs(double linear) {
    return 20 * Math.log10(Math.max(linear, 1e-9));
  }

  /** Reads a 16-bit PCM WAV file (the program's {@code render} output), averaging channels if there are several. */
  public static Wave read(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
        throw new IOException(wav + " is not 16-bit signed PCM: " + f);
      }
      return fromPcm16(in.readAllBytes(), f.getChannels(), (int) f.getSampleRate(), f.isBigEndian());
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(wav + " is not a WAV file: " + e.getMessage(), e);
    }
  }

  /** Decodes interleaved 16-bit PCM to mono floats in [-1, 1). */
  public static Wave fromPcm16(byte[] bytes, int channels, int rateHz, boolean bigEndian) {
    int frames = bytes.length / (2 * channels);
    float[] s = new float[frames];
    for (int i = 0; i < frames; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        int at = 2 * (i * channels + c);
        int lo = bytes[at + (bigEndian ? 1 : 0)] & 0xff;
        int hi = bytes[at + (bigEndian ? 0 : 1)];
        sum += (short) ((hi << 8) | lo) / 32768f;
      }
      s[i] = sum / channels;
    }
    return new Wave(s, rateHz);
  }

  /** Writes this wave as a 16-bit mono WAV, so a failing test's recording can be listened to. */
  public void write(Path wav) throws IOException {
    byte[] b = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
      b[2 * i] = (byte) v;
      b[2 * i + 1] = (byte) (v >> 8);
    }
    AudioFormat f = new AudioFormat(rateHz, 16, 1, true, false);
    Files.createDirectories(wav.toAbsolutePath().getParent());
    try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(b), f, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
    }
  }

  public int length() {
    return samples.length;
  }

  public int samplesOf(double seconds) {
    return (int) Math.round(seconds * rateHz);
  }

  public double secondsOf(long samples) {
    return samples / (double) rateHz;
  }

  /** Halves the rate with a windowed-sinc low-pass (48 kHz recordings to the program's 24 kHz). */
  public Wave halfRate() {
    float[] taps = lowPass(63, 0.45 / 2);
    int half = taps.length / 2;
    float[] out = new float[samples.length / 2];
    for (int o = 0; o < out.length; o++) {
      int centre = 2 * o;
      double acc = 0;
      for (int k = 0; k < taps.length; k++) {
        int i = centre + k - half;
        if (i >= 0 && i < samples.length) {
          acc += taps[k] * samples[i];
        }
      }
      out[o] = (float) acc;
    }
    return new Wave(out, rateHz / 2);
  }

  /** Blackman-windowed sinc low-pass with cutoff {@code cutoff} (a fraction of the sample rate), unity gain at DC. */
  private static float[] lowPass(int n, double cutoff) {
    float[] h = new float[n];
    double sum = 0;
    int m = n - 1;
    for (int i = 0; i < n; i++) {
      double x = i - m / 2.0;
      double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
      double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / m) + 0.08 * Math.cos(4 * Math.PI * i / m);
      h[i] = (float) (sinc * w);
      sum += h[i];
    }
    for (int i = 0; i < n; i++) {
      h[i] /= (float) sum;
    }
    return h;
  }

  /** Largest absolute sample in [from, to). */
  public double peak(int from, int to) {
    double p = 0;
    for (int i = Math.max(0, from); i < Math.min(samples.length, to); i++) {
      p = Math.max(p, Math.abs(samples[i]));
    }
    return p;
  }

  /** Root mean square over [from, to). */
  public double rms(int from, int to) {
    double sum = 0;
    int a = Math.max(0, from);
    int b = Math.min(samples.length, to);
    for (int i = a; i < b; i++) {
      sum += samples[i] * (double) samples[i];
    }
    return b > a ? Math.sqrt(sum / (b - a)) : 0;
  }

  /** Index of the first sample at or after {@code from} at least {@code level} loud, or -1. */
  public int firstAbove(double level, int from) {
    for (int i = Math.max(0, from); i < samples.length; i++) {
      if (Math.abs(samples[i]) >= level) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the last sample at least {@code level} loud, or -1. */
  public int lastAbove(double level) {
    for (int i = samples.length - 1; i >= 0; i--) {
      if (Math.abs(samples[i]) >= level) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where sound ends after {@code from}: the first index from which nothing reaches {@code level} for at least
   * {@code quietFor} samples; -1 if the recording never falls quiet that long.
   */
  public int silenceFrom(int from, double level, int quietFor) {
    int quietSince = Math.max(0, from);
    for (int i = quietSince; i < samples.length; i++) {
      if (Math.abs(samples[i]) >= level) {
        quietSince = i + 1;
      } else if (i + 1 - quietSince >= quietFor) {
        return quietSince;
      }
    }
    return -1;
  }

  /** Index of the last sample before {@code before} at least {@code level} loud, or -1. */
  public int lastAbove(double level, int before) {
    for (int i = Math.min(samples.length, before) - 1; i >= 0; i--) {
      if (Math.abs(samples[i]) >= level) {
        return i;
      }
    }
    return -1;
  }

  /** Samples [from, to) as a new wave (clamped to this one). */
  public Wave slice(int from, int to) {
    int a = Math.max(0, Math.min(from, samples.length));
    int b = Math.max(a, Math.min(to, samples.length));
    return new Wave(java.util.Arrays.copyOfRange(samples, a, b), rateHz);
  }

  /**
   * The lag (in samples) at which {@code recording} best matches this wave: recording[i + lag] ≈ this[i]. Found
   * coarsely on 1 ms envelopes over [minLag, maxLag], then to the sample on the waveform around it.
   */
  public int lagIn(Wave recording, int minLag, int maxLag) {
    int perMs = rateHz / 1000;
    double[] a = meanAbs(samples, perMs);
    double[] b = meanAbs(recording.samples, perMs);
    int coarse = bestLag(a, b, Math.floorDiv(minLag, perMs), Math.floorDiv(maxLag, perMs)) * perMs;
    return bestSampleLag(samples, recording.samples, coarse - 2 * perMs, coarse + 2 * perMs);
  }

  private static double[] meanAbs(float[] s, int window) {
    double[] env = new double[s.length / window];
    for (int w = 0; w < env.length; w++) {
      double sum = 0;
      for (int i = w * window; i < (w + 1) * window; i++) {
        sum += Math.abs(s[i]);
      }
      env[w] = sum / window;
    }
    return env;
  }

  private static int bestLag(double[] a, double[] b, int minLag, int maxLag) {
    int best = minLag;
    double bestR = Double.NEGATIVE_INFINITY;
    for (int lag = minLag; lag <= maxLag; lag++) {
      double r = pearson(a, b, lag);
      if (r > bestR) {
        bestR = r;
        best = lag;
      }
    }
    return best;
  }

  private static int bestSampleLag(float[] a, float[] b, int minLag, int maxLag) {
    int best = minLag;
    double bestR = Double.NEGATIVE_INFINITY;
    for (int lag = minLag; lag <= maxLag; lag++) {
      double r = correlation(a, b, lag);
      if (r > bestR) {
        bestR = r;
        best = lag;
      }
    }
    return best;
  }

  /** Pearson correlation of this wave with {@code recording} shifted by {@code lag}, over [from, to) of this one. */
  public double correlationWith(Wave recording, int lag, int from, int to) {
    return correlation(samples, recording.samples, lag, from, to);
  }

  private static double correlation(float[] a, float[] b, int lag) {
    return correlation(a, b, lag, 0, a.length);
  }

  private static double correlation(float[] a, float[] b, int lag, int from, int to) {
    int lo = Math.max(Math.max(0, from), -lag);
    int hi = Math.min(Math.min(a.length, to), b.length - lag);
    if (hi - lo < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    double sa = 0;
    double sb = 0;
    for (int i = lo; i < hi; i++) {
      sa += a[i];
      sb += b[i + lag];
    }
    double ma = sa / (hi - lo);
    double mb = sb / (hi - lo);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = lo; i < hi; i++) {
      double x = a[i] - ma;
      double y = b[i + lag] - mb;
      cov += x * y;
      va += x * x;
      vb += y * y;
    }
    return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
  }

  /** Pearson correlation of a[i] with b[i + lag] over the indices where both exist. */
  static double pearson(double[] a, double[] b, int lag) {
    int from = Math.max(0, -lag);
    int to = Math.min(a.length, b.length - lag);
    if (to - from < 2) {
      return Double.NEGATIVE_INFINITY;
    }
    double sa = 0;
    double sb = 0;
    for (int i = from; i < to; i++) {
      sa += a[i];
      sb += b[i + lag];
    }
    int n = to - from;
    double ma = sa / n;
    double mb = sb / n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = from; i < to; i++) {
      double x = a[i] - ma;
      double y = b[i + lag] - mb;
      cov += x * y;
      va += x * x;
      vb += y * y;
    }
    return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
  }

  /** Whether [from, from + n) is digital silence. */
  public boolean silentFor(int from, int n) {
    return from >= 0 && from + n <= samples.length && peak(from, from + n) <= DIGITAL_SILENCE;
  }

  /** How many samples from {@code from} on are digital silence. */
  public int silentRunFrom(int from) {
    int i = from;
    while (i < samples.length && Math.abs(samples[i]) <= DIGITAL_SILENCE) {
      i++;
    }
    return i - from;
  }
}
