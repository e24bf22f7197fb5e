package org.cmtkiosk.pacer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.cmtkiosk.gpio.PwmChannel;

class LightTest {
  @Test
  void gammaMakesHalfPerceivedBrightnessAboutAFifthOfTheDutyRange() {
    LedCurve curve = new LedCurve(0, 1, 2.2);
    assertEquals(0.2176, curve.duty(0.5), 1e-4);
    assertEquals(0, curve.duty(-1));
    assertEquals(1, curve.duty(2));
  }

  @Test
  void idleGlowIsSlowAndDim() {
    assertEquals(0, LightPatterns.idle(Duration.ZERO), 1e-9);
    assertEquals(0.25, LightPatterns.idle(Duration.ofSeconds(4)), 1e-9);
    assertEquals(0, LightPatterns.idle(Duration.ofSeconds(8)), 1e-9);
    assertTrue(LightPatterns.idle(Duration.ofSeconds(2)) < 0.25);
  }

  @Test
  void listeningIsTwoShortBlinks() {
    int changes = 0;
    double last = LightPatterns.listening(Duration.ZERO);
    for (int ms = 10; ms < 1500; ms += 10) {
      double now = LightPatterns.listening(Duration.ofMillis(ms));
      if (now != last) {
        changes++;
      }
      last = now;
    }
    assertEquals(3, changes, "on, off, on, off within 1.5 s (the last off wraps)");
  }

  @Test
  void pwmChannelsDifferOnThePi5() {
    assertEquals(0, PwmChannel.forPin(18, false));
    assertEquals(2, PwmChannel.forPin(18, true));
    assertEquals(1, PwmChannel.forPin(13, true));
    assertThrows(IllegalArgumentException.class, () -> PwmChannel.forPin(17, false));
  }

  @Test
  void consoleBarShowsTheLevel() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleIndicator console = new ConsoleIndicator(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    console.show(0.5);
    console.show(0.5);
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("\r  LED [###############               ]  50%", shown, "drawn once, not redrawn when unchanged");
  }
}
