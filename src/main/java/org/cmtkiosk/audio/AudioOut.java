package org.cmtkiosk.audio;

import java.io.IOException;

/** Where a rendered timeline goes: the sound card, or a WAV file. */
public interface AudioOut {
  /** Plays or writes {@code stream} until it ends (or is stopped), then returns. */
  void play(TimelineStream stream) throws IOException;

  /** The audio clock: how many frames of the stream the listener has heard so far. */
  long framesHeard();

  /** Says where the audio goes, for the user, e.g. "the default sound card" or a file path. */
  String describe();
}
