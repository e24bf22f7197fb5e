package org.cmtkiosk.audio;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import org.cmtkiosk.config.KioskConfig;

/** Plays through javax.sound with a buffer long enough not to underrun on a Raspberry Pi. */
public final class SoundCardOut implements AudioOut {
  private final SourceDataLine line;
  private final String name;

  private SoundCardOut(SourceDataLine line, String name) {
    this.line = line;
    this.name = name;
  }

  /**
   * Opens the configured output device (or the default).
   *
   * @throws AudioUnavailableException with a one-line reason when there is no usable output
   */
  public static SoundCardOut open(KioskConfig.Audio settings) throws AudioUnavailableException {
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
      int bytes = Pcm.samplesOf(settings.buffer()) * 2;
      line.open(TimelineStream.FORMAT, bytes);
      return new SoundCardOut(line, mixer.map(Mixer.Info::getName).orElse("the default sound card"));
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

  @Override
  public void play(TimelineStream stream) throws IOException {
    byte[] buffer = new byte[line.getBufferSize() / 2];
    line.start();
    try {
      int n;
      while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
        line.write(buffer, 0, n);
      }
      line.drain();
    } finally {
      line.stop();
      line.close();
    }
  }

  @Override
  public String describe() {
    return name;
  }
}
