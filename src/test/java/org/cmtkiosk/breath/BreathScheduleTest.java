package org.cmtkiosk.breath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreathScheduleTest {
  private static final BreathPattern START = BreathPattern.ofSeconds(3, 1, 3, 0);
  private static final BreathPattern TARGET = BreathPattern.ofSeconds(5, 0, 5, 0);

  @Test
  void fixedPatternBlockLastsBreathsTimesCycle() {
    BreathSchedule s = BreathSchedule.of(BreathBlock.ofBreaths(START, null, 1, 10));
    assertEquals(10, s.breaths().size());
    assertEquals(Duration.ofSeconds(70), s.length());
    assertEquals(Duration.ofSeconds(63), s.breaths().get(9).start());
  }

  @Test
  void glideMovesEvenlyFromStartToTargetWithoutAJump() {
    BreathSchedule s = BreathSchedule.of(BreathBlock.ofBreaths(START, TARGET, 4, 6));
    List<BreathPattern> patterns = s.breaths().stream().map(Breath::pattern).toList();
    assertEquals(START, patterns.get(0));
    assertEquals(BreathPattern.ofSeconds(3.5, 0.75, 3.5, 0), patterns.get(1));
    assertEquals(BreathPattern.ofSeconds(4, 0.5, 4, 0), patterns.get(2));
    assertEquals(BreathPattern.ofSeconds(4.5, 0.25, 4.5, 0), patterns.get(3));
    assertEquals(TARGET, patterns.get(4));
    assertEquals(TARGET, patterns.get(5));
    // 7 + 7.75 + 8.5 + 9.25 + 10 + 10 seconds
    assertEquals(Duration.ofMillis(52_500), s.length());
  }

  @Test
  void targetOfFiveInFiveOutIsSixBreathsAMinute() {
    assertEquals(6.0, TARGET.breathsPerMinute(), 1e-9);
  }

  @Test
  void totalTimeHoldsOnlyWholeBreaths() {
    BreathSchedule s = BreathSchedule.of(BreathBlock.ofTotal(TARGET, null, 1, Duration.ofSeconds(65)));
    assertEquals(6, s.breaths().size());
    assertEquals(Duration.ofSeconds(60), s.length());
  }

  @Test
  void breathsFollowEachOtherWithNoGapOrOverlap() {
    BreathSchedule s = BreathSchedule.of(BreathBlock.ofBreaths(START, TARGET, 8, 20));
    for (int i = 1; i < s.breaths().size(); i++) {
      assertEquals(s.breaths().get(i - 1).end(), s.breaths().get(i).start());
    }
  }

  @Test
  void positionNamesPhaseAndFraction() {
    BreathSchedule s = BreathSchedule.of(BreathBlock.ofBreaths(START, null, 1, 2));
    BreathSchedule.Position p = s.at(Duration.ofMillis(1500));
    assertEquals(Phase.INHALE, p.phase());
    assertEquals(0.5, p.fraction(), 1e-9);
    assertEquals(Phase.HOLD, s.at(Duration.ofMillis(3500)).phase());
    BreathSchedule.Position out = s.at(Duration.ofMillis(7000 + 5500));
    assertEquals(Phase.EXHALE, out.phase());
    assertEquals(1, out.breath().index());
    assertEquals(0.5, out.fraction(), 1e-9);
    assertTrue(s.at(Duration.ofSeconds(14)).finished());
  }

  @Test
  void phaseStartsAddUpWithinABreath() {
    Breath b = new Breath(0, Duration.ofSeconds(10), BreathPattern.ofSeconds(4, 2, 6, 1));
    assertEquals(Duration.ofSeconds(14), b.phaseStart(Phase.HOLD));
    assertEquals(Duration.ofSeconds(16), b.phaseStart(Phase.EXHALE));
    assertEquals(Duration.ofSeconds(22), b.phaseStart(Phase.REST));
    assertEquals(Duration.ofSeconds(23), b.end());
    assertEquals("4-2-6-1", b.pattern().shortForm());
  }
}
