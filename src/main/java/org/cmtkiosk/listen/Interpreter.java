package org.cmtkiosk.listen;

import java.util.Set;

/**
 * Turns a Vosk result into what it means, strictly: only whole expected phrases (or the way out inside an utterance,
 * see {@link Vocabulary#meaning}), only when every word is confident
 * enough, and — while the device itself is speaking and may be hearing its own voice — only "stop", "pause" and
 * "too much", with a higher bar.
 */
public final class Interpreter {
  /** The only commands taken while the device is talking (barge-in). */
  static final Set<Command> BARGE_IN = Set.of(Command.STOP, Command.PAUSE, Command.GROUND_ME);

  private final Vocabulary vocabulary;
  private final double confidence;
  private final double bargeInConfidence;

  /**
   * @param confidence every word must be at least this sure (0..1)
   * @param bargeInConfidence the bar while the device is speaking
   */
  public Interpreter(Vocabulary vocabulary, double confidence, double bargeInConfidence) {
    this.vocabulary = vocabulary;
    this.confidence = confidence;
    this.bargeInConfidence = bargeInConfidence;
  }

  /** What {@code result} means in {@code context}; {@code deviceSpeaking} while the device's own voice plays. */
  public Heard interpret(VoskResult result, Context context, boolean deviceSpeaking) {
    String text = result.text();
    if (text.isEmpty()) {
      return new Heard.Ignored("silence");
    }
    var meaning = vocabulary.meaning(text, context);
    if (deviceSpeaking) {
      boolean bargeIn = meaning.filter(m -> m instanceof Heard.CommandHeard c && BARGE_IN.contains(c.command()))
          .isPresent() && result.minConfidence() >= bargeInConfidence;
      return bargeIn ? meaning.get() : new Heard.Ignored("the device was speaking: '" + text + "'");
    }
    if (meaning.isEmpty() || result.minConfidence() < confidence) {
      return new Heard.NotUnderstood(text);
    }
    return meaning.get();
  }
}
