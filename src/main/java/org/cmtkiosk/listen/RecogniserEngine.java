package org.cmtkiosk.listen;

import java.util.Collection;

/** Makes recognisers of one engine; its model and native library were checked when it was made. */
public interface RecogniserEngine {
  /** A new recogniser listening for {@code phrases}, for the calling thread to use and close. */
  Recogniser open(Collection<String> phrases) throws VoiceUnavailableException;

  /** The engine's name for logs and the bench, e.g. "PocketSphinx 5prealpha". */
  String name();
}
