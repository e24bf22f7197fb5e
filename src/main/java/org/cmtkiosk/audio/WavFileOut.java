package org.cmtkiosk.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes the timeline to a WAV file instead of playing it. */
public record WavFileOut(Path file) implements AudioOut {

  /** The length is left unknown so javax.sound fixes the header at the end: a stopped render is a valid WAV. */
  @Override
  public void play(TimelineStream stream) throws IOException {
    WavFiles.write(new AudioInputStream(stream, TimelineStream.FORMAT, AudioSystem.NOT_SPECIFIED), file);
  }

  @Override
  public String describe() {
    return file.toAbsolutePath().toString();
  }
}
