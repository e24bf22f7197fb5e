package org.cmtkiosk.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.speech.Speaker;

/**
 * A stand-in voice: each sentence becomes a 150 Hz buzz, 70 ms per letter, at about −21 dBFS with 10 ms fades.
 * Records what it was asked to say.
 */
public final class FakeSpeaker implements Speaker {
  public static final double SECONDS_PER_LETTER = 0.07;
  private final List<String> spoken = new ArrayList<>();

  @Override
  public synchronized Pcm speak(String sentence) {
    spoken.add(sentence);
    long letters = Math.max(1, sentence.chars().filter(Character::isLetterOrDigit).count());
    int n = (int) (letters * SECONDS_PER_LETTER * Pcm.RATE_HZ);
    float[] s = new float[n];
    int fade = Pcm.RATE_HZ / 100;
    for (int i = 0; i < n; i++) {
      double edge = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
      s[i] = (float) (0.12 * edge * Math.sin(2 * Math.PI * 150 * i / Pcm.RATE_HZ));
    }
    return new Pcm(s);
  }

  public synchronized List<String> spoken() {
    return Collections.unmodifiableList(new ArrayList<>(spoken));
  }
}
