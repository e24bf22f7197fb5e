package org.cmtkiosk.listen;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a recognised utterance into what it means, strictly: only whole expected phrases (or the way out inside an
 * utterance, see {@link Vocabulary#meaning}), only when every word is confident enough. Judged at the time the words were SPOKEN (their stream times mapped to the capture clock), not
 * when the result arrived: a word the device itself was saying then is its own voice and ignored; while the device
 * was speaking, only "stop", "pause" and "too much" count, with a higher bar (barge-in).
 */
public final class Interpreter {
  /** The only commands taken while the device is talking (barge-in). */
  static final Set<Command> BARGE_IN = Set.of(Command.STOP, Command.PAUSE, Command.GROUND_ME);

  private final Vocabulary vocabulary;
  private final double confidence;
  private final double bargeInConfidence;
  private final long latencyNanos;
  private final long marginNanos;

  /**
   * @param confidence every word must be at least this sure (0..1)
   * @param bargeInConfidence the bar while the device is speaking
   * @param outputLatency how long the device's sound takes from the time {@link OwnSpeech} reports to the
   *     microphone
   * @param echoMargin how far apart in time a word and the device's own saying of it still count as the same
   */
  public Interpreter(Vocabulary vocabulary, double confidence, double bargeInConfidence, Duration outputLatency,
      Duration echoMargin) {
    this.vocabulary = vocabulary;
    this.confidence = confidence;
    this.bargeInConfidence = bargeInConfidence;
    this.latencyNanos = outputLatency.toNanos();
    this.marginNanos = echoMargin.toNanos();
  }

  /** With the settings' latency and margin. */
  public Interpreter(Vocabulary vocabulary, VoiceSettings settings) {
    this(vocabulary, settings.confidence(), settings.bargeInConfidence(), settings.outputLatency(),
        settings.echoMargin());
  }

  /** What {@code recognition} means in {@code context}; {@code clock} maps its times to when they were captured. */
  public Heard interpret(Recognition recognition, Context context, StreamClock clock, OwnSpeech own) {
    long from = clock.nanosAt(recognition.startSeconds());
    long to = clock.nanosAt(recognition.endSeconds());
    boolean deviceSpeaking = own.speaking(from - latencyNanos - marginNanos, to + marginNanos);
    if (recognition instanceof Recognition.Words w) {
      return words(w, context, clock, own, deviceSpeaking);
    }
    return deviceSpeaking ? new Heard.Ignored("the device was speaking") : new Heard.NotUnderstood("");
  }

  private Heard words(Recognition.Words w, Context context, StreamClock clock, OwnSpeech own, boolean speaking) {
    String text = w.text();
    for (Recognition.Word word : w.words()) {
      if (word.text().equals(Recognition.UNKNOWN)) {
        continue;
      }
      long from = clock.nanosAt(word.startSeconds()) - latencyNanos - marginNanos;
      if (own.said(word.text(), from, clock.nanosAt(word.endSeconds()) + marginNanos)) {
        return new Heard.Ignored("the device itself was saying '" + word.text() + "' then: '" + text + "'");
      }
    }
    Optional<Heard> meaning = vocabulary.meaning(text, context);
    if (speaking) {
      boolean bargeIn = meaning.filter(m -> m instanceof Heard.CommandHeard c && BARGE_IN.contains(c.command()))
          .isPresent() && w.minConfidence() >= bargeInConfidence;
      return bargeIn ? meaning.get() : new Heard.Ignored("the device was speaking: '" + text + "'");
    }
    if (meaning.isEmpty() || w.minConfidence() < confidence) {
      return new Heard.NotUnderstood(text);
    }
    return meaning.get();
  }
}
