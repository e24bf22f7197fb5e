package org.cmtkiosk.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.LedCurve;
import org.cmtkiosk.pacer.LedSettings;
import org.cmtkiosk.pacer.LedMode;

/**
 * The Raspberry Pi's GPIO through Pi4J: the breathing LED (hardware PWM through the linuxfs provider with
 * gamma-corrected brightness, or plain on/off through gpiod) and the push button (gpiod input, pull-up, debounced).
 * The only class that imports Pi4J; the rest of the program sees an {@link Indicator} and {@link ButtonGestures}.
 */
public final class Pi4jGpio implements Indicator {
  private final Context context;
  private final Pwm pwm;
  private final DigitalOutput digital;
  private final LedCurve curve;
  private final int frequencyHz;

  private Pi4jGpio(Context context, Pwm pwm, DigitalOutput digital, LedSettings led) {
    this.context = context;
    this.pwm = pwm;
    this.digital = digital;
    this.curve = new LedCurve(led.minBrightness(), led.maxBrightness(), led.gamma());
    this.frequencyHz = led.pwmFrequencyHz();
  }

  /**
   * Opens the LED of the config's mode (pwm or digital) on the real GPIO. If the pin cannot be used (no GPIO, PWM
   * not enabled, pin busy), says so once through {@code log} and returns {@link Indicator#NONE}.
   */
  public static Indicator openLed(LedSettings led, Consumer<String> log) {
    boolean pwm = led.mode() == LedMode.PWM;
    try {
      Context context = Pi4J.newContextBuilder()
          .add(pwm ? LinuxFsPwmProvider.newInstance(led.pwmChip()) : GpioDDigitalOutputProvider.newInstance())
          .build();
      return openLed(led, context, pwm ? "linuxfs-pwm" : "gpiod-digital-output", log);
    } catch (RuntimeException | LinkageError e) {
      log.accept(unavailable(led, e));
      return Indicator.NONE;
    }
  }

  /** Opens the LED on a given Pi4J context and provider (e.g. the mock platform in tests). */
  public static Indicator openLed(LedSettings led, Context context, String providerId, Consumer<String> log) {
    try {
      if (led.mode() == LedMode.PWM) {
        Pwm pwm = context.create(Pwm.newConfigBuilder(context).id("breathing-led").name("Breathing LED")
            .address(PwmChannel.forPin(led.pin())).pwmType(PwmType.HARDWARE).frequency(led.pwmFrequencyHz()).initial(0).shutdown(0)
            .provider(providerId).build());
        return new Pi4jGpio(context, pwm, null, led);
      }
      DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context).id("breathing-led")
          .name("Breathing LED").address(led.pin()).initial(DigitalState.LOW).shutdown(DigitalState.LOW)
          .provider(providerId).build());
      return new Pi4jGpio(context, null, out, led);
    } catch (RuntimeException | LinkageError e) {
      log.accept(unavailable(led, e));
      shutdownQuietly(context);
      return Indicator.NONE;
    }
  }

  private static String unavailable(LedSettings led, Throwable e) {
    String how = led.mode() == LedMode.PWM
        ? "on a Raspberry Pi add 'dtoverlay=pwm' (GPIO18) to /boot/firmware/config.txt and reboot, check"
            + " led.pwm_chip against 'ls /sys/class/pwm', or set led.mode to digital or none"
        : "check the pin is free (no other program or overlay uses it), or set led.mode to none";
    return "LED off: cannot drive GPIO" + led.pin() + " (" + led.mode().name().toLowerCase() + "): "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " — " + how
        + "; the practice carries on without the LED";
  }

  /**
   * Watches the button on {@code pin} (to ground, internal pull-up) and feeds its edges and the passing time to
   * {@code gestures}. If the pin cannot be used, says so once and returns a no-op.
   */
  public static AutoCloseable openButton(int pin, ButtonGestures gestures, Consumer<String> log) {
    try {
      Context context = Pi4J.newContextBuilder().add(GpioDDigitalInputProvider.newInstance()).build();
      return openButton(pin, context, "gpiod-digital-input", gestures, log);
    } catch (RuntimeException | LinkageError e) {
      log.accept(buttonUnavailable(pin, e));
      return () -> { };
    }
  }

  /** Watches the button through a given Pi4J context and provider (e.g. the mock platform in tests). */
  public static AutoCloseable openButton(int pin, Context context, String providerId, ButtonGestures gestures,
      Consumer<String> log) {
    ButtonWatch watch = watchButton(pin, context, providerId, gestures, log, System::nanoTime);
    if (watch == null) {
      return () -> { };
    }
    ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "button");
      t.setDaemon(true);
      return t;
    });
    ticks.scheduleAtFixedRate(watch::tick, 50, 50, TimeUnit.MILLISECONDS);
    return () -> {
      ticks.shutdownNow();
      watch.close();
    };
  }

  /**
   * Watches the button on {@code nanoClock} without a timer of its own: the caller calls {@link ButtonWatch#tick}
   * (tests drive a simulated clock). Returns null, after one line to {@code log}, when the pin can't be read.
   */
  public static ButtonWatch watchButton(int pin, Context context, String providerId, ButtonGestures gestures,
      Consumer<String> log, LongSupplier nanoClock) {
    try {
      DigitalInput input = context.create(DigitalInput.newConfigBuilder(context).id("button").name("Button")
          .address(pin).pull(PullResistance.PULL_UP).debounce(ButtonGestures.DEBOUNCE.toNanos() / 1000)
          .provider(providerId).build());
      ButtonWatch watch = new ButtonWatch(gestures, log, nanoClock, context);
      input.addListener(e -> watch.edge(e.state() == DigitalState.LOW));
      return watch;
    } catch (RuntimeException | LinkageError e) {
      log.accept(buttonUnavailable(pin, e));
      shutdownQuietly(context);
      return null;
    }
  }

  /** One button being watched: edges and ticks go to its gestures; a gesture handler that throws is logged once. */
  public static final class ButtonWatch implements AutoCloseable {
    private final ButtonGestures gestures;
    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final Context context;
    private boolean failureLogged;

    ButtonWatch(ButtonGestures gestures, Consumer<String> log, LongSupplier nanoClock, Context context) {
      this.gestures = gestures;
      this.log = log;
      this.nanoClock = nanoClock;
      this.context = context;
    }

    void edge(boolean pressed) {
      guard(() -> gestures.edge(pressed, nanoClock.getAsLong()));
    }

    /** Lets time pass for long presses and single presses. */
    public void tick() {
      guard(() -> gestures.tick(nanoClock.getAsLong()));
    }

    private synchronized void guard(Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        if (!failureLogged) {
          failureLogged = true;
          log.accept("Button: handling a press failed (" + e + "); the button keeps working.");
        }
      }
    }

    @Override
    public void close() {
      shutdownQuietly(context);
    }
  }

  private static String buttonUnavailable(int pin, Throwable e) {
    return "Button off: cannot read GPIO" + pin + ": " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " — check the wiring (button between GPIO" + pin
        + " and ground) and that this user is in the gpio group, or set button.enabled: false; voice and keys still"
        + " work";
  }

  @Override
  public void show(double level) {
    if (pwm != null) {
      pwm.on(curve.duty(level) * 100, frequencyHz);
    } else {
      digital.state(level >= 0.5 ? DigitalState.HIGH : DigitalState.LOW);
    }
  }

  @Override
  public void close() {
    show(0);
    shutdownQuietly(context);
  }

  private static void shutdownQuietly(Context context) {
    try {
      context.shutdown();
    } catch (RuntimeException ignored) {
      // Already shutting down; nothing else holds the pin.
    }
  }
}
