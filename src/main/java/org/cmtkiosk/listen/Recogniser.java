package org.cmtkiosk.listen;

/** Speech to text over a closed grammar: Vosk, or a scripted fake in tests. */
public interface Recogniser extends AutoCloseable {
  /** Feeds 16 kHz 16-bit mono little-endian audio; returns Vosk's result JSON when an utterance ended, else null. */
  String accept(byte[] chunk, int length);

  /** Listens for these phrases from now on (a JSON list, ending with "[unk]"). */
  void grammar(String json);

  @Override
  void close();
}
