package org.cmtkiosk.listen;

/** What a person can ask of the device, by voice, button or key. Where it came from does not matter. */
public enum Command {
  START,
  /** "Stop", "please stop", "I want to stop": silence at once; an evocative practice then leads to grounding. */
  STOP,
  PAUSE, RESUME,
  /** The space key: pause when playing, resume when paused. */
  PAUSE_OR_RESUME,
  SLOWER, FASTER, LOUDER, QUIETER,
  /** The pacing tone off or on. */
  TONE,
  /** The last sentence again; after a grounding, "again" is the grounding once more. */
  REPEAT,
  /** The next section of a practice, the next item of a list, or past a question. */
  SKIP,
  HELP, MENU, YES, NO,
  /** "Too much", "grounding", "that's enough", "help me": go to the grounding practice, from anywhere. */
  GROUND_ME,
  /** After a grounding: rest here in silence. */
  REST,
  /** After a grounding: try something gentle (the gentle practices on offer). */
  GENTLE,
  /** The item of a spoken list just heard ("that one", or one press of the button while a list is read). */
  CHOOSE
}
