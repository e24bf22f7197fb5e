package org.cmtkiosk.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Choices read aloud one at a time, with a silence after each; one press chooses the item just heard. A press that
 * comes within {@link #REACTION} of the next item beginning still chooses the one before: people press after
 * hearing, not before.
 */
final class SpokenList<T> {
  /** How long after an item begins a press is still taken as meant for the item before. */
  static final Duration REACTION = Duration.ofMillis(700);

  private final List<T> items;
  private final List<String> texts;
  private final Duration firstGap;
  private final Duration itemGap;
  private final Duration lastGap;
  private final Instant[] begun;
  private int index = -1;

  /**
   * @param firstGap silence after the introduction before the first item
   * @param itemGap silence after each item but the last
   * @param lastGap silence after the last item before the list gives up
   */
  SpokenList(List<T> items, List<String> texts, Duration firstGap, Duration itemGap, Duration lastGap) {
    this.items = List.copyOf(items);
    this.texts = List.copyOf(texts);
    this.firstGap = firstGap;
    this.itemGap = itemGap;
    this.lastGap = lastGap;
    this.begun = new Instant[items.size()];
  }

  int size() {
    return items.size();
  }

  /** The item being read or last read; -1 while the introduction is said. */
  int index() {
    return index;
  }

  T get(int i) {
    return items.get(i);
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

  /** Back to before the first item, e.g. to read the list again. */
  void restart() {
    index = -1;
  }

  /** The silence to wait after the current item (or the introduction) before going on. */
  Duration gapAfterCurrent() {
    return index < 0 ? firstGap : isLast() ? lastGap : itemGap;
  }

  /** What a press at {@code now} chooses: the item just heard; empty before the first item has begun. */
  Optional<T> chosenAt(Instant now) {
    if (index < 0) {
      return Optional.empty();
    }
    boolean tooSoon = index > 0 && begun[index] != null && now.isBefore(begun[index].plus(REACTION));
    return Optional.of(items.get(tooSoon ? index - 1 : index));
  }
}
