package org.cmtkiosk.speech;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How speech sounds.
 *
 * @param ratePercent MaryTTS speaking rate relative to its default (negative is slower)
 * @param levelDbfs loudness of voiced speech (RMS), before the −1 dBFS peak ceiling
 */
public record SpeechSettings(String voice, int ratePercent, int pitchPercent, Duration commaPause, Duration sentencePause,
    Duration paragraphPause, double levelDbfs, Path cacheDirectory) {

  /** Everything that changes the synthesised sound of a sentence, for the speech cache key. */
  public String styleKey() {
    return voice + "|rate" + ratePercent + "|pitch" + pitchPercent + "|comma" + commaPause.toMillis() + "|level"
        + levelDbfs;
  }
}
