package org.cmtkiosk.listen;

/**
 * Where the conversation is; each context listens for its own small set of phrases. Every context also listens
 * for the way out — stop, too much, grounding, help and their variants — so it works the same everywhere.
 */
public enum Context {
  /** Between sessions: "start" (and the way out, which starts a session straight into grounding or help). */
  IDLE,
  /** Choosing a practice: practice names, yes and no (the default offer), repeat, next. */
  MENU,
  /** Guidance is playing: pause, resume, pace, volume, tone, repeat, skip, menu. */
  PRACTICE,
  /** A 0–10 question: numbers, skip, repeat. */
  NUMBER,
  /** A yes/no question. */
  YES_NO,
  /** After a grounding: again, rest, something gentle, finish. */
  LANDING
}
