package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --mic-file that is not a sensible WAV file is one clear message at once, not a hang or an OutOfMemoryError. */
class WavFileMicLimitsTest {
  @TempDir
  Path dir;

  private static String refusal(Path file) {
    IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(IOException.class, () -> new WavFileMic(file, false)));
    assertTrue(e.getMessage().contains(" — "), "names the fix: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void aSparseTwoGigabyteFileIsRefusedBeforeReading() throws IOException {
    Path wav = dir.resolve("huge.wav");
    WavFiles.write(Pcm.silence(Duration.ofSeconds(1)), wav);
    try (RandomAccessFile f = new RandomAccessFile(wav.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024 * 1024);
    }
    String message = refusal(wav);
    assertTrue(message.contains("is 2048 MiB, more than the 64 MiB a --mic-file may be"), message);
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    String message = refusal(SpecialFiles.fifo(dir.resolve("mic.wav")));
    assertTrue(message.contains("is not a regular file"), message);
  }

  @Test
  void aMissingFileIsNamed() {
    assertTrue(refusal(dir.resolve("none.wav")).contains("none.wav does not exist"));
  }
}
