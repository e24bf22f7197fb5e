package org.cmtkiosk.session;

import java.util.function.Consumer;
import org.cmtkiosk.practice.Practice;

/** What the kiosk does that a person sees or hears: the real one plays audio and lights the LED. */
public interface Stage {
  /** The light's state between and around practices. */
  enum Light { IDLE, SESSION, LISTENING }

  /** Speaks {@code text}, then calls {@code done} (from any thread). A new call replaces one still speaking. */
  void say(String text, Runnable done);

  /** Starts {@code practice}; {@code done} gets how it ended. Returns the run, for controls and stopping. */
  PracticeRun play(Practice practice, Consumer<PracticeRun.Result> done);

  /** Speaks over a running practice: it pauses, speaks, and carries on. */
  void interject(String text);

  /** Stops whatever is being said. */
  void hush();

  /** Sets the light for between practices (the breathing block drives it during a practice). */
  void light(Light light);

  /** Night mode: quieter and dimmer (site quiet hours). */
  void quiet(boolean quiet);

  /** Whether the device is making sound of its own now (for the recogniser's barge-in rule). */
  boolean speaking();
}
