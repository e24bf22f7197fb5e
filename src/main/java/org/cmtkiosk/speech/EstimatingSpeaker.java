package org.cmtkiosk.speech;

import java.time.Duration;
import org.cmtkiosk.pcm.Pcm;

/**
 * Silence as long as a sentence's speech will be: exact when the sentence is in the cache, otherwise from a model of
 * the configured voice's pace. Lets the timeline layout estimate a practice's length without starting MaryTTS.
 */
public final class EstimatingSpeaker implements Speaker {
  /** Seconds per letter or digit at MaryTTS' default rate, measured on our practice texts (see README, Speech). */
  static final double SECONDS_PER_LETTER = 0.0701;
  /** Extra seconds per comma-like break the synthesiser adds besides the configured pause. */
  static final double SECONDS_PER_BREAK = 0.05;

  private final SpeechCache cache;
  private final int ratePercent;
  private final Duration commaPause;

  public EstimatingSpeaker(SpeechCache cache, int ratePercent, Duration commaPause) {
    this.cache = cache;
    this.ratePercent = ratePercent;
    this.commaPause = commaPause;
  }

  @Override
  public Pcm speak(String sentence) {
    return Pcm.silence(cache.lengthOf(sentence).orElseGet(() -> modelled(sentence)));
  }

  /** The modelled length of {@code sentence} when spoken. */
  public Duration modelled(String sentence) {
    long letters = sentence.chars().filter(Character::isLetterOrDigit).count();
    long breaks = sentence.chars().filter(c -> c == ',' || c == ';' || c == ':').count();
    double seconds = letters * SECONDS_PER_LETTER * 100.0 / (100 + ratePercent)
        + breaks * (SECONDS_PER_BREAK + commaPause.toMillis() / 1000.0);
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
