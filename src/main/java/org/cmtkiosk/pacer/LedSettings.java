package org.cmtkiosk.pacer;

/**
 * The breathing LED.
 *
 * @param pin BCM GPIO number
 * @param pwmChip the /sys/class/pwm/pwmchipN holding the pin's PWM (0, or 2 on a Pi 5 with an older kernel)
 * @param minBrightness duty cycle (0..1) at the lowest point, so the LED never quite goes out
 * @param gamma perceived brightness is about duty^(1/gamma); 2.2 makes the ramp look even
 */
public record LedSettings(LedMode mode, int pin, int pwmChip, double minBrightness, double maxBrightness, double gamma,
    int pwmFrequencyHz) {}
