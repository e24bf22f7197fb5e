package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.testing.FakeSpeaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileMicTest {
  @TempDir
  Path dir;

  @Test
  void aWavAtAnyRateIsFedAs16kHzLittleEndianChunksUntilItEnds() throws Exception {
    Pcm speech = new FakeSpeaker().speak("Hi.");
    float[] samples = new float[Pcm.RATE_HZ];
    System.arraycopy(speech.samples(), 0, samples, 0, speech.length());
    Pcm oneSecond = new Pcm(samples);
    Path wav = dir.resolve("one-second.wav");
    WavFiles.write(oneSecond, wav);

    WavFileMic mic = new WavFileMic(wav, false);
    assertEquals(Duration.ofSeconds(1), mic.duration());
    long bytes = 0;
    MicSource.Chunk chunk;
    long first = 0;
    while ((chunk = mic.next(Duration.ZERO)) != null) {
      assertEquals(0, chunk.pcm().length % 2);
      first = bytes == 0 ? chunk.capturedNanos() : first;
      assertEquals(bytes / 2 * 1_000_000_000L / 16_000, chunk.capturedNanos() - first, 1_000,
          "each chunk is stamped by its place in the file");
      bytes += chunk.pcm().length;
    }
    assertEquals(32_000, bytes, 2 * 4, "one second at 16 kHz, 16-bit");
    assertNull(mic.next(Duration.ZERO));
  }
}
