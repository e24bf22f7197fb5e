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
import java.util.concurrent.atomic.AtomicLong;
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
  void theButtonOnTheMockPlatformGivesGesturesOnASimulatedClock() {
    Context buttons = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
    List<ButtonGestures.Gesture> gestures = new ArrayList<>();
    AtomicLong now = new AtomicLong();
    try (Pi4jGpio.ButtonWatch button = Pi4jGpio.watchButton(17, buttons, "mock-digital-input",
        new ButtonGestures(gestures::add), log::add, now::get)) {
      MockDigitalInput input = buttons.registry().get("button");
      input.mockState(DigitalState.HIGH);
      now.addAndGet(60_000_000);
      input.mockState(DigitalState.LOW);
      now.addAndGet(60_000_000);
      input.mockState(DigitalState.HIGH);
      button.tick();
      assertEquals(List.of(), gestures, "a single press waits to see if a second follows");
      now.addAndGet(700_000_000);
      button.tick();
    }
    assertEquals(List.of(ButtonGestures.Gesture.SHORT), gestures);
    assertEquals(List.of(), log);
  }

  @Test
  void aGestureHandlerThatThrowsIsLoggedOnceAndTheButtonKeepsWorking() {
    Context buttons = Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance()).build();
    AtomicLong now = new AtomicLong();
    List<ButtonGestures.Gesture> gestures = new ArrayList<>();
    boolean[] fail = {true};
    try (Pi4jGpio.ButtonWatch button = Pi4jGpio.watchButton(17, buttons, "mock-digital-input",
        new ButtonGestures(g -> {
          if (fail[0]) {
            throw new IllegalStateException("boom!");
          }
          gestures.add(g);
        }), log::add, now::get)) {
      MockDigitalInput input = buttons.registry().get("button");
      for (int i = 0; i < 2; i++) {
        input.mockState(DigitalState.HIGH);
        now.addAndGet(60_000_000);
        input.mockState(DigitalState.LOW);
        now.addAndGet(60_000_000);
        input.mockState(DigitalState.HIGH);
        now.addAndGet(700_000_000);
        button.tick();
        fail[0] = false;
      }
    }
    assertEquals(List.of(ButtonGestures.Gesture.SHORT), gestures, "the second press still arrives");
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).contains("boom!"), log.get(0));
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
