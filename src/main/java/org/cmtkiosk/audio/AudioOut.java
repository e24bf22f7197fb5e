package org.cmtkiosk.audio;

import java.io.IOException;

/** Where a rendered timeline goes: the sound card, or a WAV file. */
public interface AudioOut {
  /** Plays or writes {@code stream} until it ends (or is stopped), then returns. */
  void play(TimelineStream stream) throws IOException;

  /** Says where the audio went, for the user, e.g. "the default sound card" or a file path. */
  String describe();
}
