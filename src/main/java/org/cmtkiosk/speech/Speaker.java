package org.cmtkiosk.speech;

import org.cmtkiosk.pcm.Pcm;

/** Turns one sentence into speech audio at the timeline's rate, already at the target loudness. */
public interface Speaker {
  Pcm speak(String sentence) throws SpeechException;
}
