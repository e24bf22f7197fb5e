package org.cmtkiosk.listen;

/** Where the conversation is; each context listens for its own small set of phrases. */
public enum Context {
  /** Between sessions: only "start" (and its synonyms). */
  IDLE,
  /** Choosing a practice: practice names, help, stop. */
  MENU,
  /** A practice is playing: stop, pause, resume, pace, volume, repeat, skip, help, menu, ground me. */
  PRACTICE,
  /** A 0–10 question: numbers, skip, stop, help. */
  NUMBER,
  /** A yes/no question. */
  YES_NO
}
