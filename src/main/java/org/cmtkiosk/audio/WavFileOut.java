package org.cmtkiosk.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;

/** Writes the timeline to a WAV file instead of playing it. */
public record WavFileOut(Path file) implements AudioOut {

  @Override
  public void play(TimelineStream stream) throws IOException {
    WavFiles.write(new AudioInputStream(stream, TimelineStream.FORMAT, stream.length()), file);
  }

  @Override
  public String describe() {
    return file.toAbsolutePath().toString();
  }
}
