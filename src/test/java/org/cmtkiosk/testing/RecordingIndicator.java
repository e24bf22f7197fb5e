package org.cmtkiosk.testing;

import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pacer.Indicator;

/** Remembers every level it was asked to show. */
public final class RecordingIndicator implements Indicator {
  private final List<Double> levels = new ArrayList<>();
  private boolean closed;

  @Override
  public synchronized void show(double level) {
    levels.add(level);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  public synchronized List<Double> levels() {
    return List.copyOf(levels);
  }

  /** The level shown most recently. */
  public synchronized double last() {
    return levels.get(levels.size() - 1);
  }

  public synchronized boolean closed() {
    return closed;
  }
}
