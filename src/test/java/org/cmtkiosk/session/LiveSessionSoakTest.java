package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Heard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 whole sessions through the real live session: its threads and the heap stay where they were. */
class LiveSessionSoakTest {
  private static final int SESSIONS = 200;

  @TempDir
  Path dir;

  @Test
  void twoHundredSessionsLeaveTheSessionsThreadsAndTheHeapAsTheyWere() throws Exception {
    try (LiveKiosk kiosk = new LiveKiosk(dir)) {
      int threadsAfterFirst = 0;
      long heapAfterFirst = 0;
      for (int i = 0; i < SESSIONS; i++) {
        kiosk.start();
        kiosk.input.say(Command.YES);
        kiosk.await("the check-in question", () -> kiosk.spoken().stream().anyMatch(s -> s.endsWith(
            Prompts.CHECK_IN)));
        kiosk.input.sink.heard(new Heard.NumberHeard(4 + i % 7));
        kiosk.await("the practice", () -> kiosk.subtitles.stream().anyMatch(s -> s.startsWith("note: playing ")));
        kiosk.await("the check-in after it", () -> kiosk.flow.state() == KioskFlow.State.CHECK_IN);
        kiosk.input.say(Command.SKIP);
        kiosk.awaitIdle();
        kiosk.pass(Duration.ofMinutes(3));
        if (i == 0) {
          threadsAfterFirst = kiosk.session.threadGroup().activeCount();
          heapAfterFirst = usedHeap();
        }
        kiosk.subtitles.clear();
        assertTrue(kiosk.session.threadGroup().activeCount() <= threadsAfterFirst,
            "session " + i + " left a thread behind");
      }
      long heapAfterLast = usedHeap();
      assertEquals(SESSIONS, kiosk.journal.size(), "every session was journalled");
      assertTrue(heapAfterLast <= heapAfterFirst * 1.10 + 2 * 1024 * 1024, "heap grew from "
          + heapAfterFirst / 1024 + " KiB to " + heapAfterLast / 1024 + " KiB");
      assertEquals(0, kiosk.log.size(), "nothing went wrong: " + kiosk.log);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
