package org.cmtkiosk.practice;

/** How strongly a practice may stir feelings; evocative ones carry the stop/grounding sentence. */
public enum Intensity {
  GENTLE, EVOCATIVE
}
