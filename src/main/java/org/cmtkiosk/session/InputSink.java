package org.cmtkiosk.session;

import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;

/** Where inputs deliver what a person did; safe to call from any thread (the session queues it). */
public interface InputSink {
  /** A command from the button, a key or the voice. */
  void command(Command command);

  /** What the recogniser made of an utterance. */
  void heard(Heard heard);

  /** A key as typed: digits, Enter and b mean what the moment needs (see {@code KioskFlow#key}). */
  void key(char key);

  /** A gesture of the button: one press means what the moment needs (see {@code KioskFlow#button}). */
  void button(Gesture gesture);

  /** After repeated misunderstandings: what can be said now. */
  void confused(String whatYouCanSay);

  /** What the recogniser should listen for now. */
  Context context();

  /** What the speaker has been saying, and when (for the recogniser's own-speech check and barge-in rule). */
  org.cmtkiosk.listen.OwnSpeech ownSpeech();

  /** Whether the device is making sound of its own now (for the barge-in rule). */
  boolean speaking();

  /** The input stopped working; the session logs it once and opens it again later. */
  void failed(Exception cause);
}
