package org.cmtkiosk.pacer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.config.KioskConfig.LedMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LED on Pi4J's mock platform (the only place the mock is used), and on this machine's real, absent GPIO. */
class Pi4jIndicatorTest {
  private final Context context = Pi4J.newContextBuilder()
      .add(MockPwmProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void shutdown() {
    context.shutdown();
  }

  private static KioskConfig.Led led(LedMode mode) {
    return new KioskConfig.Led(mode, 18, 0, 0.02, 0.8, 2.2, 1000);
  }

  @Test
  void pwmDutyCycleFollowsTheGammaCorrectedLevelBetweenMinAndMax() {
    Indicator indicator = Pi4jIndicator.open(led(LedMode.PWM), context, "mock-pwm", log::add);
    Pwm pwm = context.registry().get("breathing-led");

    indicator.show(0);
    assertEquals(2.0, pwm.dutyCycle(), 1e-3, "minimum brightness, never fully dark");
    indicator.show(0.5);
    assertEquals(2 + 78 * Math.pow(0.5, 2.2), pwm.dutyCycle(), 1e-3, "half perceived brightness");
    indicator.show(1);
    assertEquals(80.0, pwm.dutyCycle(), 1e-3, "maximum brightness");
    assertEquals(1000, pwm.frequency());
    assertEquals(List.of(), log);
  }

  @Test
  void digitalFallbackIsOnWhileBreathingInAndHoldingAndOffOtherwise() {
    Indicator indicator = Pi4jIndicator.open(led(LedMode.DIGITAL), context, "mock-digital-output", log::add);
    DigitalOutput out = context.registry().get("breathing-led");

    indicator.show(0.7);
    assertEquals(DigitalState.HIGH, out.state());
    indicator.show(1.0);
    assertEquals(DigitalState.HIGH, out.state());
    indicator.show(0.3);
    assertEquals(DigitalState.LOW, out.state());
  }

  @Test
  void aBusyPinGivesOneClearLineAndNoLed() {
    Pi4jIndicator.open(led(LedMode.PWM), context, "mock-pwm", log::add);
    Indicator second = Pi4jIndicator.open(led(LedMode.PWM), Pi4J.newContextBuilder()
        .add(MockPwmProvider.newInstance()).build(), "no-such-provider", log::add);

    assertSame(Indicator.NONE, second);
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("LED off: cannot drive GPIO18 (pwm)"), log.get(0));
    assertTrue(log.get(0).endsWith("the practice carries on without the LED"), log.get(0));
  }

  @Test
  void withoutAnyGpioTheRealProvidersSayWhyAndTheLedIsOff() {
    for (LedMode mode : List.of(LedMode.PWM, LedMode.DIGITAL)) {
      log.clear();
      Indicator indicator = Pi4jIndicator.open(led(mode), log::add);
      assertSame(Indicator.NONE, indicator, mode + " on a machine without GPIO");
      assertEquals(1, log.size(), log::toString);
      assertTrue(log.get(0).contains("GPIO18"), log.get(0));
    }
  }
}
