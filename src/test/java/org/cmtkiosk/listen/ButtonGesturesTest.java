package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.junit.jupiter.api.Test;

/** Button timing on a simulated clock (milliseconds). */
class ButtonGesturesTest {
  private final List<Gesture> gestures = new ArrayList<>();
  private final ButtonGestures button = new ButtonGestures(gestures::add);

  private void at(long ms, boolean pressed) {
    button.tick(ms * 1_000_000);
    button.edge(pressed, ms * 1_000_000);
  }

  private void idleUntil(long ms) {
    for (long t = 0; t <= ms; t += 10) {
      button.tick(t * 1_000_000);
    }
  }

  @Test
  void aShortPressIsReportedOnceNoSecondPressFollows() {
    at(100, true);
    at(250, false);
    button.tick(600 * 1_000_000L);
    assertEquals(List.of(), gestures, "still waiting for a possible second press");
    idleUntil(700);
    assertEquals(List.of(Gesture.SHORT), gestures);
  }

  @Test
  void holdingForOneAndAHalfSecondsIsALongPressReportedWhileStillHeld() {
    at(100, true);
    idleUntil(1590);
    assertEquals(List.of(), gestures);
    idleUntil(1610);
    assertEquals(List.of(Gesture.LONG), gestures);
    at(2500, false);
    idleUntil(3500);
    assertEquals(List.of(Gesture.LONG), gestures, "releasing after a long press adds nothing");
  }

  @Test
  void twoQuickPressesAreADoublePress() {
    at(100, true);
    at(200, false);
    at(400, true);
    at(500, false);
    idleUntil(2000);
    assertEquals(List.of(Gesture.DOUBLE), gestures);
  }

  @Test
  void contactBounceIsIgnored() {
    at(100, true);
    at(105, false);
    at(108, true);
    at(112, false);
    at(115, true);
    at(300, false);
    at(310, true);
    at(315, false);
    idleUntil(1000);
    assertEquals(List.of(Gesture.SHORT), gestures);
  }

  @Test
  void withoutASessionFlowOnePressStopsAHoldGroundsAndADoublePressPauses() {
    assertEquals(Command.START, ButtonGestures.command(Gesture.SHORT, true));
    assertEquals(Command.STOP, ButtonGestures.command(Gesture.SHORT, false));
    assertEquals(Command.GROUND_ME, ButtonGestures.command(Gesture.LONG, false));
    assertEquals(Command.PAUSE_OR_RESUME, ButtonGestures.command(Gesture.DOUBLE, false));
  }
}
