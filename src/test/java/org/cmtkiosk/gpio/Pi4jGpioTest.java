package org.cmtkiosk.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.pacer.Indicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.pacer.LedMode;

/** The LED on Pi4J's mock platform (the only place the mock is used), and on this machine's real, absent GPIO. */
class Pi4jGpioTest {
  private final Context context = Pi4J.newContextBuilder()
      .add(MockPwmProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void shutdown() {
    context.shutdown();
  }

  private static LedSettings led(LedMode mode) {
    return new LedSettings(mode, 18, 0, 0.02, 0.8, 2.2, 1000);
  }

  @Test
  void pwmDutyCycleFollowsTheGammaCorrectedLevelBetweenMinAndMax() {
    Indicator indicator = Pi4jGpio.openLed(led(LedMode.PWM), context, "mock-pwm", log::add);
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
    Indicator indicator = Pi4jGpio.openLed(led(LedMode.DIGITAL), context, "mock-digital-output", log::add);
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
    Pi4jGpio.openLed(led(LedMode.PWM), context, "mock-pwm", log::add);
    Indicator second = Pi4jGpio.openLed(led(LedMode.PWM), Pi4J.newContextBuilder()
        .add(MockPwmProvider.newInstance()).build(), "no-such-provider", log::add);

    assertSame(Indicator.NONE, second);
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).startsWith("LED off: cannot drive GPIO18 (pwm)"), log.get(0));
    assertTrue(log.get(0).endsWith("the practice carries on without the LED"), log.get(0));
  }

  @Test
  void theButtonOnTheMockPlatformGivesGestures() throws Exception {
    Context buttons = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
    List<ButtonGestures.Gesture> gestures = new ArrayList<>();
    ButtonGestures g = new ButtonGestures(gestures::add);
    try (AutoCloseable button = Pi4jGpio.openButton(17, buttons, "mock-digital-input", g, log::add)) {
      MockDigitalInput input = buttons.registry().get("button");
      input.mockState(DigitalState.HIGH);
      Thread.sleep(60);
      input.mockState(DigitalState.LOW);
      Thread.sleep(60);
      input.mockState(DigitalState.HIGH);
      Thread.sleep(700);
    }
    assertEquals(List.of(ButtonGestures.Gesture.SHORT), gestures);
    assertEquals(List.of(), log);
  }

  @Test
  void withoutAnyGpioTheButtonSaysWhyAndKeysStillWork() throws Exception {
    try (AutoCloseable button = Pi4jGpio.openButton(17, new ButtonGestures(g -> { }), log::add)) {
      assertEquals(1, log.size(), log::toString);
      assertTrue(log.get(0).startsWith("Button off: cannot read GPIO17"), log.get(0));
    }
  }

  @Test
  void withoutAnyGpioTheRealProvidersSayWhyAndTheLedIsOff() {
    for (LedMode mode : List.of(LedMode.PWM, LedMode.DIGITAL)) {
      log.clear();
      Indicator indicator = Pi4jGpio.openLed(led(mode), log::add);
      assertSame(Indicator.NONE, indicator, mode + " on a machine without GPIO");
      assertEquals(1, log.size(), log::toString);
      assertTrue(log.get(0).contains("GPIO18"), log.get(0));
    }
  }
}
