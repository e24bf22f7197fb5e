package org.cmtkiosk.pacer;

/** How the LED is driven. */
public enum LedMode {
  /** PWM on a Raspberry Pi, no LED elsewhere. */
  AUTO,
  /** Hardware PWM through Pi4J's linuxfs provider (GPIO 12, 13, 18 or 19; needs dtoverlay=pwm). */
  PWM,
  /** On/off through Pi4J's gpiod provider: on while breathing in and holding, off otherwise. */
  DIGITAL,
  /** A bar in the terminal, for development. */
  CONSOLE,
  /** No LED. */
  NONE
}
