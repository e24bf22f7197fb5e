package org.cmtkiosk.listen;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Speech to words over a closed set of phrases (Vosk, PocketSphinx, or a scripted fake in tests). Holds native
 * memory: it is created, used and closed by one thread only.
 */
public interface Recogniser extends AutoCloseable {
  /**
   * Feeds 16 kHz 16-bit mono little-endian audio, continuing the stream; returns what an utterance that ended in it
   * was, or empty while none has ended.
   */
  Optional<Recognition> accept(byte[] pcm, int length);

  /** Listens for these phrases (lower-case words separated by spaces) from the next utterance on. */
  void listenFor(Collection<String> phrases);

  /**
   * Listens for these phrases, knowing what each means: phrases with the same meaning (the same command) are
   * synonyms, so a recogniser can tell a doubtful choice between two commands — a wrong command — from one between
   * synonyms. By default only the phrases are used.
   */
  default void listenFor(Map<String, Heard> phrases) {
    listenFor(phrases.keySet());
  }

  /** Ends the stream: what was heard of an utterance still under way, if anything. */
  Optional<Recognition> finish();

  @Override
  void close();
}
