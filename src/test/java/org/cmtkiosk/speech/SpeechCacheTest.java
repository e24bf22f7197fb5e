package org.cmtkiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.cmtkiosk.pcm.Pcm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCacheTest {
  private static final String SENTENCE = "Breathe gently.";

  @TempDir
  Path dir;

  private static Pcm tone(int length) {
    float[] samples = new float[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (float) (0.3 * Math.sin(i * 0.05));
    }
    return new Pcm(samples);
  }

  /** Two caches on one folder stand for `prepare` and the running kiosk: 8 writers, one reader, one entry. */
  @Test
  void concurrentWritersOfOneEntryNeverFailAndReadersOnlySeeWholeFiles() throws Exception {
    SpeechCache prepare = new SpeechCache(dir, "style");
    SpeechCache service = new SpeechCache(dir, "style");
    Pcm pcm = tone(Pcm.RATE_HZ / 2);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      SpeechCache cache = t % 2 == 0 ? prepare : service;
      writers.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 25; i++) {
          cache.put(SENTENCE, pcm);
        }
        return null;
      }));
    }
    Future<Integer> reader = pool.submit(() -> {
      start.await();
      int seen = 0;
      while (writing.get()) {
        Optional<Pcm> got = service.get(SENTENCE);
        if (got.isPresent()) {
          assertEquals(pcm.length(), got.get().length(), "a reader saw a partly written entry");
          seen++;
        }
      }
      return seen;
    });
    start.countDown();
    for (Future<?> w : writers) {
      w.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);
    assertTrue(reader.get(60, TimeUnit.SECONDS) > 0, "the reader saw the entry at least once");
    pool.shutdown();

    assertFalse(prepare.writeFailed(), "a write failed while another process wrote the same entry");
    assertFalse(service.writeFailed(), "a write failed while another process wrote the same entry");
    assertEquals(pcm.length(), prepare.get(SENTENCE).orElseThrow().length());
    Path entry = prepare.fileOf(SENTENCE);
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(entry)), "an entry prepare wrote is readable by the service's user");
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(), "temporary files left");
    }
  }
}
