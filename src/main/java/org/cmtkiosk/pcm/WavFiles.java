package org.cmtkiosk.pcm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV reading and writing through javax.sound. */
public final class WavFiles {
  private WavFiles() {}

  /** Writes {@code pcm} as a 16-bit mono WAV at the timeline rate. */
  public static void write(Pcm pcm, Path file) throws IOException {
    byte[] bytes = toPcm16(pcm.samples());
    write(new AudioInputStream(new ByteArrayInputStream(bytes), Pcm.FORMAT, pcm.length()), file);
  }

  /** Floats in [-1, 1] as 16-bit signed little-endian PCM, clipped at full scale. */
  public static byte[] toPcm16(float[] s) {
    byte[] bytes = new byte[s.length * 2];
    for (int i = 0; i < s.length; i++) {
      int v = Math.round(Math.max(-1f, Math.min(1f, s[i])) * 32767f);
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    return bytes;
  }

  /** A decoded file: mono samples and their rate. */
  public record Mono(float[] samples, float rateHz) {}

  /** Reads a WAV file of any rate, sample size or channel count as mono floats at its own rate. */
  public static Mono readMono(Path file) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat f = in.getFormat();
      AudioFormat pcm16 = new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false);
      try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16, in)) {
        byte[] bytes = converted.readAllBytes();
        int channels = f.getChannels();
        float[] mono = new float[bytes.length / (2 * channels)];
        for (int i = 0; i < mono.length; i++) {
          float sum = 0;
          for (int c = 0; c < channels; c++) {
            int at = 2 * (i * channels + c);
            sum += (short) ((bytes[at + 1] << 8) | (bytes[at] & 0xff)) / 32768f;
          }
          mono[i] = sum / channels;
        }
        return new Mono(mono, f.getSampleRate());
      }
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new IOException(file + " is not a WAV file Java can read (" + e.getMessage() + ")", e);
    }
  }

  /** Writes a stream of known length as WAV. */
  public static void write(AudioInputStream audio, Path file) throws IOException {
    AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
  }

  /** Reads a WAV file as mono floats at the timeline rate, converting rate, channels and sample size. */
  public static Pcm read(Path file) throws IOException {
    Mono mono = readMono(file);
    return new Pcm(Resampling.toTimelineRate(mono.samples(), mono.rateHz()));
  }
}
