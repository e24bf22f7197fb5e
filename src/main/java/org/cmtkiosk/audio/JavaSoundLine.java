package org.cmtkiosk.audio;

import java.util.Arrays;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import org.cmtkiosk.pcm.Pcm;

/** A javax.sound output line with a buffer long enough not to underrun on a Raspberry Pi. */
public final class JavaSoundLine implements PcmLine {
  private final SourceDataLine line;
  private final String name;

  private JavaSoundLine(SourceDataLine line, String name) {
    this.line = line;
    this.name = name;
  }

  /** Opens the configured device (or the default), ready to be filled and then {@link #start started}. */
  public static JavaSoundLine open(AudioSettings settings) throws AudioUnavailableException {
    DataLine.Info info = new DataLine.Info(SourceDataLine.class, TimelineStream.FORMAT);
    try {
      Optional<Mixer.Info> mixer = findMixer(settings.device(), info);
      if (!settings.device().isBlank() && mixer.isEmpty()) {
        throw new AudioUnavailableException("no sound output named like '" + settings.device() + "' (found: "
            + Arrays.toString(AudioSystem.getMixerInfo()) + ") — fix audio.device in the config or leave it empty");
      }
      SourceDataLine line = mixer.isPresent()
          ? (SourceDataLine) AudioSystem.getMixer(mixer.get()).getLine(info)
          : (SourceDataLine) AudioSystem.getLine(info);
      line.open(TimelineStream.FORMAT, Pcm.samplesOf(settings.buffer()) * 2);
      return new JavaSoundLine(line, mixer.map(Mixer.Info::getName).orElse("the default sound card"));
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new AudioUnavailableException("this machine has no usable sound output device (Java reports: "
          + e.getMessage() + ") — connect speakers or a USB sound card, or set audio.device in the config");
    }
  }

  private static Optional<Mixer.Info> findMixer(String device, DataLine.Info info) {
    if (device.isBlank()) {
      return Optional.empty();
    }
    return Arrays.stream(AudioSystem.getMixerInfo())
        .filter(m -> m.getName().toLowerCase().contains(device.toLowerCase()))
        .filter(m -> AudioSystem.getMixer(m).isLineSupported(info))
        .findFirst();
  }

  public String name() {
    return name;
  }

  @Override
  public int write(byte[] bytes, int offset, int length) {
    if (!line.isOpen()) {
      throw new IllegalStateException("the sound output closed");
    }
    return line.write(bytes, offset, length);
  }

  @Override
  public long framesPlayed() {
    return line.getLongFramePosition();
  }

  @Override
  public void start() {
    line.start();
  }

  @Override
  public int available() {
    return line.available();
  }

  @Override
  public int bufferBytes() {
    return line.getBufferSize();
  }

  @Override
  public void flush() {
    line.flush();
  }

  @Override
  public void drain() {
    line.drain();
  }

  @Override
  public void close() {
    line.stop();
    line.close();
  }
}
