package org.cmtkiosk.listen;

/** What a person can ask of the device, by voice, button or key. Where it came from does not matter. */
public enum Command {
  START, STOP, PAUSE, RESUME,
  /** The button's short press: pause when playing, resume when paused. */
  PAUSE_OR_RESUME,
  SLOWER, FASTER, LOUDER, QUIETER,
  /** The pacing tone off or on. */
  TONE,
  REPEAT, SKIP, HELP, MENU, YES, NO,
  /** "Ground me", "too much": go to the grounding practice. */
  GROUND_ME
}
