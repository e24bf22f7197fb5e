package org.cmtkiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Choices read aloud one at a time, with a silence after each: the offered practices, the check-in's slow count,
 * the choices after a grounding. One press chooses the item just heard; a press that comes within
 * {@link #REACTION} of the next item beginning still chooses the one before — people press after hearing, not
 * before. A typed number chooses too: an item's position, or in a count the number itself.
 */
final class SpokenList<T> {
  /** How long after an item begins a press is still taken as meant for the item before. */
  static final Duration REACTION = Duration.ofMillis(700);

  /** The silences of a list: after its introduction, after each item, and after the last before it ends. */
  record Gaps(Duration first, Duration each, Duration last) {}

  private final List<T> items;
  private final List<String> texts;
  private final Gaps gaps;
  private final boolean counting;
  private final Consumer<T> chosen;
  private final Runnable ended;
  private final Instant[] begun;
  private int index = -1;

  /**
   * @param counting whether the items are the numbers 0, 1, 2... and a typed number means itself
   * @param chosen what the flow does with the item chosen
   * @param ended what the flow does when the list has been read and the last silence has passed
   */
  SpokenList(List<T> items, List<String> texts, Gaps gaps, boolean counting, Consumer<T> chosen, Runnable ended) {
    this.items = List.copyOf(items);
    this.texts = List.copyOf(texts);
    this.gaps = gaps;
    this.counting = counting;
    this.chosen = chosen;
    this.ended = ended;
    this.begun = new Instant[items.size()];
  }

  List<T> items() {
    return items;
  }

  /** The item being read or last read; -1 while the introduction is said. */
  int index() {
    return index;
  }

  String text(int i) {
    return texts.get(i);
  }

  boolean isLast() {
    return index == items.size() - 1;
  }

  /** Notes that item {@code i} begins to be read at {@code at}. */
  void reading(int i, Instant at) {
    index = i;
    begun[i] = at;
  }

  /** The silence to wait after the current item (or the introduction) before going on. */
  Duration gapAfterCurrent() {
    return index < 0 ? gaps.first() : isLast() ? gaps.last() : gaps.each();
  }

  /** Chooses what a press at {@code now} means: the item just heard. False before the first item has begun. */
  boolean pressedAt(Instant now) {
    if (index < 0) {
      return false;
    }
    boolean tooSoon = index > 0 && begun[index] != null && now.isBefore(begun[index].plus(REACTION));
    chosen.accept(items.get(tooSoon ? index - 1 : index));
    return true;
  }

  /** The key that chooses item {@code i}, as the subtitles show it. */
  int keyOf(int i) {
    return counting ? i : i + 1;
  }

  /** The largest number that can be typed. */
  int maxKey() {
    return counting ? items.size() - 1 : items.size();
  }

  /** Chooses the item typed as {@code n}, if there is one. */
  void typed(int n) {
    int i = counting ? n : n - 1;
    if (i >= 0 && i < items.size()) {
      chosen.accept(items.get(i));
    }
  }

  /** The list has been read and the last silence has passed. */
  void end() {
    ended.run();
  }
}
