package org.cmtkiosk.listen;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a recogniser made of one utterance: the words of a phrase it listens for, with when each was said (seconds
 * from the start of the recogniser's audio stream) and how sure it is; or speech that was none of its phrases.
 */
public sealed interface Recognition {
  /** Vosk's word for speech that is none of the phrases, inside an utterance that has some. */
  String UNKNOWN = "[unk]";

  /** When the utterance started, in seconds from the start of the stream. */
  double startSeconds();

  /** When the utterance ended, in seconds from the start of the stream. */
  double endSeconds();

  /** One recognised word: how sure the engine is (0..1) and when it was said. */
  record Word(String text, double startSeconds, double endSeconds, double confidence) {
    public Word {
      text = text.toLowerCase(Locale.ROOT).strip();
      if (endSeconds < startSeconds) {
        throw new IllegalArgumentException("word '" + text + "' ends (" + endSeconds + " s) before it starts ("
            + startSeconds + " s)");
      }
    }
  }

  /** One of the phrases listened for, word by word (never empty). */
  record Words(List<Word> words) implements Recognition {
    public Words {
      words = List.copyOf(words);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("a recognised phrase has at least one word");
      }
    }

    /** The words joined by single spaces, e.g. "go on". */
    public String text() {
      return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    /** The least certain word's confidence ("[unk]" words aside: they are not part of a phrase). */
    public double minConfidence() {
      return words.stream().filter(w -> !w.text().equals(UNKNOWN)).mapToDouble(Word::confidence).min().orElse(0);
    }

    @Override
    public double startSeconds() {
      return words.get(0).startSeconds();
    }

    @Override
    public double endSeconds() {
      return words.get(words.size() - 1).endSeconds();
    }
  }

  /** Speech that was none of the phrases listened for (or not clearly one). */
  record NotRecognised(double startSeconds, double endSeconds) implements Recognition {}
}
