package org.cmtkiosk.audio;

import java.time.Duration;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.EstimatingSpeaker;
import org.cmtkiosk.speech.SpeechCache;

/** A practice's length, laid out exactly as it will be rendered but with estimated (or cached) speech lengths. */
public final class Estimate {
  private final TimelineBuilder builder;

  public Estimate(LayoutSettings config, SpeechCache cache) {
    var speech = config.speech();
    this.builder = new TimelineBuilder(new EstimatingSpeaker(cache, speech.ratePercent(), speech.commaPause()), config);
  }

  public Duration of(Practice practice) {
    try {
      return builder.build(practice, (done, total) -> { }).duration();
    } catch (org.cmtkiosk.speech.SpeechException e) {
      throw new AssertionError("estimating never synthesises", e);
    }
  }
}
