package org.cmtkiosk.audio;

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
    byte[] bytes = new byte[pcm.length() * 2];
    float[] s = pcm.samples();
    for (int i = 0; i < s.length; i++) {
      int v = Math.round(Math.max(-1f, Math.min(1f, s[i])) * 32767f);
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    write(new AudioInputStream(new ByteArrayInputStream(bytes), TimelineStream.FORMAT, s.length), file);
  }

  /** Writes a stream of known length as WAV. */
  public static void write(AudioInputStream audio, Path file) throws IOException {
    AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
  }

  /** Reads a WAV file as mono floats at the timeline rate, converting rate, channels and sample size. */
  public static Pcm read(Path file) throws IOException {
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
        return new Pcm(Resampling.toTimelineRate(mono, f.getSampleRate()));
      }
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new IOException("not a readable WAV file: " + e.getMessage(), e);
    }
  }
}
