package org.cmtkiosk.audio;

/** A gain that moves linearly to each new target over a fixed number of samples, so changes never click. */
final class Ramp {
  private final int samples;
  private volatile double target;
  private double aimed;
  private double step;
  private double value;

  Ramp(double initial, int samples) {
    this.samples = samples;
    this.value = initial;
    this.target = initial;
    this.aimed = initial;
  }

  /** Starts moving to {@code newTarget}; safe from any thread. */
  void to(double newTarget) {
    target = newTarget;
  }

  double target() {
    return target;
  }

  /** The gain last returned by {@link #next} (rendering thread only). */
  double value() {
    return value;
  }

  /** The gain for the next sample (called by the rendering thread only). */
  double next() {
    double t = target;
    if (t != aimed) {
      aimed = t;
      step = Math.abs(t - value) / samples;
    }
    if (value != t) {
      value = Math.abs(t - value) <= step ? t : value + Math.signum(t - value) * step;
    }
    return value;
  }
}
