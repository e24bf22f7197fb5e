package org.cmtkiosk.pacer;

import java.time.Duration;

/**
 * What the light shows when no breathing block is playing (documented in the README):
 * idle and ready — a very slow, dim glow (one swell every 8 s);
 * a session running — steady low light;
 * listening for an answer — two short blinks, then a pause, every 1.5 s.
 */
public final class LightPatterns {
  public static final double SESSION = 0.15;
  private static final double IDLE_LOW = 0.0;
  private static final double IDLE_HIGH = 0.25;
  private static final long IDLE_PERIOD_MS = 8000;
  private static final long LISTEN_PERIOD_MS = 1500;

  private LightPatterns() {}

  /** Idle and ready: a slow, dim swell. */
  public static double idle(Duration t) {
    double phase = (t.toMillis() % IDLE_PERIOD_MS) / (double) IDLE_PERIOD_MS;
    return IDLE_LOW + (IDLE_HIGH - IDLE_LOW) * (0.5 - 0.5 * Math.cos(2 * Math.PI * phase));
  }

  /** Waiting for an answer: blinks at 0–150 ms and 300–450 ms of every 1.5 s, low otherwise. */
  public static double listening(Duration t) {
    long ms = t.toMillis() % LISTEN_PERIOD_MS;
    boolean on = ms < 150 || (ms >= 300 && ms < 450);
    return on ? 0.7 : 0.05;
  }
}
