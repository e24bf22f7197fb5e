package org.cmtkiosk.listen;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The device's recent speech and when it left the speaker, as {@link OwnSpeech}: the audio side reports each
 * sentence with {@link #played}; or, where only a "speaking now" flag exists, {@link #sampling} builds the history
 * from the flag as the microphone's chunks arrive (then the words are unknown and only {@link #speaking} answers).
 * Thread-safe; keeps the last {@value #KEPT} spans.
 */
public final class PlayedSpeech implements OwnSpeech {
  static final int KEPT = 512;

  private record Span(Set<String> words, long fromNanos, long toNanos) {}

  private final Deque<Span> spans = new ArrayDeque<>();
  private final BooleanSupplier flag;
  private final LongSupplier nanoTime;
  private long flagSince = -1;

  private PlayedSpeech(BooleanSupplier flag, LongSupplier nanoTime) {
    this.flag = flag;
    this.nanoTime = nanoTime;
  }

  /** An empty history that the audio side fills with {@link #played}. */
  public static PlayedSpeech reported() {
    return new PlayedSpeech(null, System::nanoTime);
  }

  /** A history sampled from {@code speakingNow} each time the listening loop takes a chunk. */
  public static PlayedSpeech sampling(BooleanSupplier speakingNow) {
    return new PlayedSpeech(speakingNow, System::nanoTime);
  }

  /** The device played {@code text} from {@code fromNanos} to {@code toNanos} (System.nanoTime at the speaker). */
  public synchronized void played(String text, long fromNanos, long toNanos) {
    Set<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
        .filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
    add(new Span(words, fromNanos, toNanos));
  }

  /**
   * The device fell silent at {@code atNanos} (a prompt hushed, a practice stopped or skipped on): what it was due to
   * say after that is forgotten, so a person's own word then is not taken for the device's.
   */
  public synchronized void cutAt(long atNanos) {
    Deque<Span> kept = new ArrayDeque<>(spans.size());
    for (Span s : spans) {
      if (s.fromNanos() >= atNanos) {
        continue;
      }
      kept.addLast(s.toNanos() > atNanos ? new Span(s.words(), s.fromNanos(), atNanos) : s);
    }
    spans.clear();
    spans.addAll(kept);
  }

  private void add(Span span) {
    spans.addLast(span);
    while (spans.size() > KEPT) {
      spans.removeFirst();
    }
  }

  @Override
  public synchronized void observe(long nowNanos) {
    if (flag == null) {
      return;
    }
    if (flag.getAsBoolean()) {
      if (flagSince < 0) {
        flagSince = nowNanos;
      }
      Span last = spans.peekLast();
      if (last != null && last.words().isEmpty() && last.fromNanos() == flagSince) {
        spans.removeLast();
      }
      add(new Span(Set.of(), flagSince, nowNanos));
    } else {
      flagSince = -1;
    }
  }

  @Override
  public synchronized boolean speaking(long fromNanos, long toNanos) {
    return spans.stream().anyMatch(s -> overlaps(s, fromNanos, toNanos));
  }

  @Override
  public synchronized boolean said(String word, long fromNanos, long toNanos) {
    String w = word.toLowerCase(Locale.ROOT);
    return spans.stream().anyMatch(s -> s.words().contains(w) && overlaps(s, fromNanos, toNanos));
  }

  private static boolean overlaps(Span s, long fromNanos, long toNanos) {
    return s.fromNanos() <= toNanos && fromNanos <= s.toNanos();
  }
}
