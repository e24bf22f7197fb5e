package org.cmtkiosk.gpio;

/**
 * Which channel of the PWM chip drives a GPIO pin. Linux numbers PWM outputs by chip and channel, not by pin, and
 * the Raspberry Pi 5 (RP1 chip) numbers them differently from earlier models.
 */
public final class PwmChannel {
  private PwmChannel() {}

  /** The channel for {@code pin} (12, 13, 18 or 19) on this board. */
  public static int forPin(int pin) {
    return forPin(pin, isPi5());
  }

  /** Pi 1–4: GPIO12/18 are channel 0, GPIO13/19 channel 1. Pi 5: GPIO12, 13, 18, 19 are channels 0–3. */
  public static int forPin(int pin, boolean pi5) {
    return switch (pin) {
      case 12 -> 0;
      case 13 -> 1;
      case 18 -> pi5 ? 2 : 0;
      case 19 -> pi5 ? 3 : 1;
      default -> throw new IllegalArgumentException("GPIO" + pin + " has no hardware PWM (use 12, 13, 18 or 19)");
    };
  }

  static boolean isPi5() {
    return org.cmtkiosk.gpio.Board.isPi5();
  }
}
