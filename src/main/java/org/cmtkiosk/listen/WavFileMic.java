package org.cmtkiosk.listen;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.cmtkiosk.audio.Resampling;

/** A WAV file as the microphone ({@code --mic-file}): any rate, size or channel count, converted for Vosk. */
public final class WavFileMic implements MicSource {
  private static final int CHUNK_SAMPLES = 1600;
  private final byte[] pcm;
  private final boolean realTime;
  private int pos;
  private long startNanos = -1;

  /** @param realTime hand out audio no faster than it would be spoken (for a live practice) */
  public WavFileMic(Path file, boolean realTime) throws IOException {
    this.pcm = toVoskFormat(file);
    this.realTime = realTime;
  }

  /** Reads {@code file} and converts it to 16 kHz, 16-bit, mono, little-endian bytes. */
  static byte[] toVoskFormat(Path file) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      var f = in.getFormat();
      var pcm16 = new javax.sound.sampled.AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
      byte[] bytes = AudioSystem.getAudioInputStream(pcm16, in).readAllBytes();
      int channels = f.getChannels();
      float[] mono = new float[bytes.length / (2 * channels)];
      for (int i = 0; i < mono.length; i++) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
          int at = 2 * (i * channels + c);
          sum += (short) ((bytes[at + 1] << 8) | (bytes[at] & 0xff));
        }
        mono[i] = sum / channels / 32768f;
      }
      float[] at16k = Resampling.resample(mono, f.getSampleRate(), FORMAT.getSampleRate());
      byte[] out = new byte[at16k.length * 2];
      for (int i = 0; i < at16k.length; i++) {
        int v = Math.round(Math.max(-1f, Math.min(1f, at16k[i])) * 32767f);
        out[2 * i] = (byte) v;
        out[2 * i + 1] = (byte) (v >> 8);
      }
      return out;
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new IOException(file + " is not a WAV file Java can read (" + e.getMessage() + ")", e);
    }
  }

  /** How long the file lasts. */
  public Duration duration() {
    return Duration.ofMillis(pcm.length / 2 * 1000L / (long) FORMAT.getSampleRate());
  }

  @Override
  public byte[] next(Duration timeout) throws InterruptedException {
    if (pos >= pcm.length) {
      return null;
    }
    if (realTime) {
      long now = System.nanoTime();
      startNanos = startNanos < 0 ? now : startNanos;
      long due = startNanos + pos / 2 * 1_000_000_000L / (long) FORMAT.getSampleRate();
      if (due > now) {
        Thread.sleep(Math.min(timeout.toMillis(), (due - now) / 1_000_000 + 1));
        return new byte[0];
      }
    }
    int n = Math.min(CHUNK_SAMPLES * 2, pcm.length - pos);
    byte[] chunk = java.util.Arrays.copyOfRange(pcm, pos, pos + n);
    pos += n;
    return chunk;
  }

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  public void close() { }
}
