package org.cmtkiosk.listen;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns the raw edges of one push button into gestures, on an injected clock: a short press, a long press
 * (held 1.5 s, reported as soon as it has been held that long), or a double press (two short presses within
 * 0.4 s). Edges within 30 ms of the last accepted one are contact bounce and ignored.
 */
public final class ButtonGestures {
  public static final Duration DEBOUNCE = Duration.ofMillis(30);
  public static final Duration LONG = Duration.ofMillis(1500);
  public static final Duration DOUBLE_GAP = Duration.ofMillis(400);

  /** What a press meant. */
  public enum Gesture { SHORT, LONG, DOUBLE }

  private final Consumer<Gesture> out;
  private boolean down;
  private long lastEdge = Long.MIN_VALUE / 2;
  private long pressedAt;
  private boolean longSent;
  private long pendingShortAt = -1;

  public ButtonGestures(Consumer<Gesture> out) {
    this.out = out;
  }

  /**
   * The command a gesture stands for where nothing more is known of the moment: short = stop (start when idle),
   * long = grounding, double = pause or resume. The session flow refines the short press: it chooses the item just
   * read from a list, and answers yes to a yes/no question.
   */
  public static Command command(Gesture g, boolean idle) {
    return switch (g) {
      case SHORT -> idle ? Command.START : Command.STOP;
      case LONG -> Command.GROUND_ME;
      case DOUBLE -> Command.PAUSE_OR_RESUME;
    };
  }

  /** How a gesture is named in subtitles and logs. */
  public static String describe(Gesture g) {
    return switch (g) {
      case SHORT -> "one short press";
      case LONG -> "a long hold";
      case DOUBLE -> "a double press";
    };
  }

  /** A raw edge from the pin: {@code pressed} true when the button went down. */
  public synchronized void edge(boolean pressed, long nanos) {
    if (pressed == down || nanos - lastEdge < DEBOUNCE.toNanos()) {
      return;
    }
    lastEdge = nanos;
    down = pressed;
    if (pressed) {
      pressedAt = nanos;
      longSent = false;
      return;
    }
    if (longSent) {
      return;
    }
    if (pendingShortAt >= 0) {
      pendingShortAt = -1;
      out.accept(Gesture.DOUBLE);
    } else {
      pendingShortAt = nanos;
    }
  }

  /** Lets time pass: reports a long press being held, or a short press no second press followed. */
  public synchronized void tick(long nanos) {
    if (down && !longSent && nanos - pressedAt >= LONG.toNanos()) {
      longSent = true;
      pendingShortAt = -1;
      out.accept(Gesture.LONG);
    }
    if (!down && pendingShortAt >= 0 && nanos - pendingShortAt > DOUBLE_GAP.toNanos()) {
      pendingShortAt = -1;
      out.accept(Gesture.SHORT);
    }
  }
}
