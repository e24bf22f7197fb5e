package org.cmtkiosk.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void parsesTheFormsScriptsUse() {
    assertEquals(Duration.ofSeconds(3), DurationText.parse("3s").get());
    assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s").get());
    assertEquals(Duration.ofMillis(350), DurationText.parse("350ms").get());
    assertEquals(Duration.ofMinutes(2), DurationText.parse("2m").get());
    assertEquals(Duration.ofSeconds(-3), DurationText.parse("-3s").get());
    assertEquals(Duration.ofSeconds(90), DurationText.parse("1m 30s").get());
    assertEquals(Duration.ofSeconds(441), DurationText.parse(DurationText.format(Duration.ofSeconds(441))).get());
  }

  @Test
  void rejectsNumbersWithoutUnitsAndWords() {
    assertTrue(DurationText.parse("3").isEmpty());
    assertTrue(DurationText.parse("three seconds").isEmpty());
    assertTrue(DurationText.parse("").isEmpty());
    assertTrue(DurationText.parse("1m and 30s").isEmpty());
  }

  @Test
  void formatsCompactly() {
    assertEquals("350ms", DurationText.format(Duration.ofMillis(350)));
    assertEquals("1.5s", DurationText.format(Duration.ofMillis(1500)));
    assertEquals("2m", DurationText.format(Duration.ofMinutes(2)));
    assertEquals("7m 21s", DurationText.format(Duration.ofSeconds(441)));
  }
}
