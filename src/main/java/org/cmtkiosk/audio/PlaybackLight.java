package org.cmtkiosk.audio;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.cmtkiosk.breath.BreathCurve;
import org.cmtkiosk.pacer.LightPatterns;

/**
 * The light level that goes with what is being heard: the breath curve during a breathing block, steady low light
 * between blocks. Time is the audio output's position, so the LED stays with the tone the listener hears.
 */
public final class PlaybackLight implements DoubleSupplier {
  private final TimelineStream stream;
  private final LongSupplier framesHeard;

  public PlaybackLight(TimelineStream stream, LongSupplier framesHeard) {
    this.stream = stream;
    this.framesHeard = framesHeard;
  }

  @Override
  public double getAsDouble() {
    return stream.breathAt(framesHeard.getAsLong()).map(BreathCurve::level).orElse(LightPatterns.SESSION);
  }
}
