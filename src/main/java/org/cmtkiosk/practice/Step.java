package org.cmtkiosk.practice;

import java.time.Duration;
import org.cmtkiosk.breath.BreathBlock;

/** One step of a practice script. {@code line} is where it starts in its file. */
public sealed interface Step {
  int line();

  /** Text spoken aloud; blank lines separate paragraphs (a longer pause). */
  record Say(String text, int line) implements Step {}

  /** Silence. */
  record Pause(Duration length, int line) implements Step {}

  /** Paced breathing with a soft tone; the first {@code cueBreaths} breaths get spoken cues. */
  record Breathe(BreathBlock block, int cueBreaths, String inhaleCue, String exhaleCue, int line) implements Step {}

  /** A soft bell, e.g. to open or close a practice. */
  record Chime(int line) implements Step {}

  /** A spoken question, then time to answer (voice answers come with voice commands; until then it is a pause). */
  record Ask(String question, Duration answerTime, int line) implements Step {}
}
