package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingStage;
import org.junit.jupiter.api.Test;

/** 200 sessions back to back, with real audio rendering to a null output: memory and threads stay flat. */
class KioskSoakTest {
  private static final int SESSIONS = 200;

  @Test
  void twoHundredSessionsLeaveTheHeapAndThreadsAsTheyWere() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    RecordingStage stage = new RecordingStage(KioskFixture.CONFIG);
    List<SessionRecord> journal = new ArrayList<>();
    KioskSettings settings = KioskFixture.settings(new KioskSettings.Offer(List.of("grounding"), "grounding", false,
        Duration.ofMinutes(10)));
    KioskFlow flow = new KioskFlow(settings, Offering.of(KioskFixture.LIBRARY.practices(), settings.offer()), null,
        null, new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("grounding")), stage, clock, r -> {
          if (journal.size() < 3) {
            journal.add(r);
          }
        });
    int threadsBefore = Thread.activeCount();
    long heapAfterFirst = 0;
    for (int i = 0; i < SESSIONS; i++) {
      flow.key('\r');
      stage.finishSaying();
      stage.finishSaying();
      flow.key('1');
      stage.finishSaying();
      flow.heard(new Heard.NumberHeard(i % 7 + 4));
      stage.finishSaying();
      stage.finishPractice();
      stage.finishSaying();
      flow.key('n');
      stage.finishSaying();
      clock.advance(Duration.ofMinutes(3));
      assertEquals(KioskFlow.State.IDLE, flow.state());
      if (i == 0) {
        heapAfterFirst = usedHeap();
      }
      stage.said.clear();
      stage.played.clear();
      stage.lights.clear();
      stage.quiet.clear();
      stage.subtitles.clear();
      stage.controls.clear();
    }
    long heapAfterLast = usedHeap();
    assertTrue(heapAfterLast <= heapAfterFirst * 1.10, "heap grew from " + heapAfterFirst / 1024 + " KiB to "
        + heapAfterLast / 1024 + " KiB");
    assertEquals(threadsBefore, Thread.activeCount(), "no thread left behind");
    assertTrue(stage.framesRendered() > SESSIONS * 60L * 24_000, "the practices were really rendered");
    assertEquals(3, journal.size());
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
