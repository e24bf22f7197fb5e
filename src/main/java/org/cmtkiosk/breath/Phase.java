package org.cmtkiosk.breath;

/** The four parts of a breath, in order. */
public enum Phase {
  INHALE, HOLD, EXHALE, REST
}
