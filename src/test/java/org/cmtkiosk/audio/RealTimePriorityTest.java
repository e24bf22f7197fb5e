package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The kernel really schedules the raised thread round-robin real-time, or the refusal says how to allow it. */
class RealTimePriorityTest {
  /** Field 41 of /proc/thread-self/stat is the scheduling policy; field 40 the real-time priority. */
  private static String[] statOfThisThread() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  @Test
  void aRaisedThreadIsRoundRobinRealTimeOrTheRefusalNamesTheFix() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux /proc");
    AtomicReference<Optional<String>> result = new AtomicReference<>();
    AtomicReference<String[]> stat = new AtomicReference<>();
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        result.set(RealTimePriority.raiseCallingThread());
        stat.set(statOfThisThread());
      } catch (Exception e) {
        failed.set(e);
      }
    });
    t.start();
    t.join();
    if (failed.get() != null) {
      throw failed.get();
    }

    if (result.get().isEmpty()) {
      // After the ')' the fields start at 3 (state), so field n is index n - 3.
      assertEquals(String.valueOf(RealTimePriority.SCHED_RR), stat.get()[41 - 3], "policy");
      assertEquals(String.valueOf(RealTimePriority.PRIORITY), stat.get()[40 - 3], "real-time priority");
    } else {
      assertEquals("0", stat.get()[41 - 3], "a refused thread stays ordinary");
      assertTrue(result.get().get().contains("LimitRTPRIO=" + RealTimePriority.PRIORITY), result.get()::get);
    }
  }
}
