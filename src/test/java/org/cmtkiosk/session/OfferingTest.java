package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;
import org.junit.jupiter.api.Test;

class OfferingTest {
  private final List<Practice> library = KioskFixture.LIBRARY.practices();

  @Test
  void byDefaultOnlyGentlePracticesUnderTenMinutesAreOfferedTheDefaultFirst() {
    Offering o = Offering.of(library, Defaults.kiosk().offer());
    assertEquals("soothing-rhythm-breathing", o.practices().get(0).id());
    assertTrue(o.practices().stream().allMatch(p -> p.intensity() == Intensity.GENTLE
        && p.target().compareTo(Duration.ofMinutes(10)) < 0), o.practices()::toString);
    assertTrue(o.practices().stream().noneMatch(p -> Offering.NOT_IN_MENU.contains(p.id())));
    assertEquals(List.of("soothing-rhythm-breathing", "appreciation", "body-scan", "mindful-listening",
        "soothing-rhythm-short", "three-circles"), o.practices().stream().map(Practice::id).toList());
    assertTrue(o.notes().isEmpty());
  }

  @Test
  void evocativeAndLongPracticesAreOfferedOnlyWhenASiteEnablesThem() {
    Offering all = Offering.of(library, new KioskSettings.Offer(List.of(), "soothing-rhythm-breathing", true,
        Duration.ofMinutes(20)));
    assertTrue(all.practices().stream().anyMatch(p -> p.id().equals("compassionate-letter")));
    assertTrue(all.practices().stream().anyMatch(p -> p.id().equals("safe-place")));
  }

  @Test
  void aListedPracticeTheRulesExcludeIsNamedWithTheSettingToChange() {
    Offering o = Offering.of(library, new KioskSettings.Offer(List.of("safe-place", "body-scan", "no-such",
        "compassionate-letter"), "body-scan", true, Duration.ofMinutes(10)));
    assertEquals(List.of("safe-place", "body-scan"), o.practices().stream().map(Practice::id).toList());
    assertEquals(2, o.notes().size(), o.notes()::toString);
    assertTrue(o.notes().get(0).startsWith("offer.practices lists 'no-such', but there is no valid practice"));
    assertTrue(o.notes().get(1).contains("written for 15m and offer.shorter_than is 10m"), o.notes()::toString);
    Offering gentle = Offering.of(library, new KioskSettings.Offer(List.of("safe-place"), "safe-place", false,
        Duration.ofMinutes(10)));
    assertTrue(gentle.practices().isEmpty());
    assertTrue(gentle.notes().get(0).contains("set offer.evocative: true"), gentle.notes()::toString);
  }
}
