package org.cmtkiosk.listen;

import java.util.Collection;
import java.util.Map;

/** Makes recognisers of one engine; its model and native library were checked when it was made. */
public interface RecogniserEngine {
  /** A new recogniser listening for {@code phrases}, for the calling thread to use and close. */
  Recogniser open(Collection<String> phrases) throws VoiceUnavailableException;

  /** A new recogniser listening for {@code phrases}, knowing what each means (see {@link Recogniser#listenFor(Map)}). */
  default Recogniser open(Map<String, Heard> phrases) throws VoiceUnavailableException {
    return open(phrases.keySet());
  }

  /** The engine's name for logs and the bench, e.g. "PocketSphinx 5prealpha". */
  String name();
}
