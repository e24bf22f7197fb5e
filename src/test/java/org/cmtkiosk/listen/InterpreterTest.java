package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Typed recognitions in, meaning out: strict about phrases and confidence, and judged at the time the words were
 * spoken — the device's own words are ignored, and while it speaks only a sure stop, pause or "too much" counts.
 */
class InterpreterTest {
  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing", "safe place"));
  private final Interpreter interpreter = new Interpreter(vocabulary, 0.75, 0.9, Duration.ofMillis(150),
      Duration.ofMillis(300));
  /** Stream seconds are capture nanos: one minute fed, captured from time 0. */
  private final StreamClock clock = new StreamClock(16_000);
  private final PlayedSpeech played = PlayedSpeech.reported();

  InterpreterTest() {
    clock.fed(60 * 16_000, 0);
  }

  /** The words of {@code text} said from {@code startSeconds}, 0.3 s each with 0.05 s between, with confidences. */
  static Recognition.Words said(double startSeconds, String text, double... confidences) {
    String[] words = text.split(" ");
    List<Recognition.Word> list = new ArrayList<>();
    double t = startSeconds;
    for (int i = 0; i < words.length; i++) {
      list.add(new Recognition.Word(words[i], t, t + 0.3, confidences[i]));
      t += 0.35;
    }
    return new Recognition.Words(list);
  }

  private static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }

  private Heard heard(Recognition r, Context context) {
    return interpreter.interpret(r, context, clock, played);
  }

  @Test
  void aConfidentPhraseIsACommandAndSynonymsMeanTheSame() {
    assertEquals(new Heard.CommandHeard(Command.RESUME, "go on"), heard(said(1, "go on", 0.9, 0.8),
        Context.PRACTICE));
    assertEquals(new Heard.CommandHeard(Command.QUIETER, "softer"), heard(said(1, "softer", 0.9), Context.PRACTICE));
    assertEquals(new Heard.CommandHeard(Command.GROUND_ME, "too much"), heard(said(1, "too much", 0.9, 0.9),
        Context.PRACTICE));
  }

  @Test
  void theWayOutIsFoundInsideALongerUtterance() {
    assertEquals(Command.GROUND_ME, ((Heard.CommandHeard) heard(said(1, "[unk] too much", 0.3, 0.9, 0.9),
        Context.PRACTICE)).command(), "Vosk's unknown words around it, however unsure, do not count");
  }

  @Test
  void anUnsureWordMakesItNotUnderstood() {
    assertEquals(new Heard.NotUnderstood("too much"), heard(said(1, "too much", 0.95, 0.6), Context.PRACTICE));
  }

  @Test
  void speechThatIsNoPhraseIsNotUnderstood() {
    assertEquals(new Heard.NotUnderstood(""), heard(new Recognition.NotRecognised(1, 2.5), Context.PRACTICE));
  }

  @Test
  void phrasesCountOnlyInTheirContext() {
    assertEquals(new Heard.NotUnderstood("slower"), heard(said(1, "slower", 0.99), Context.IDLE));
    assertEquals(new Heard.CommandHeard(Command.START, "begin"), heard(said(1, "begin", 0.99), Context.IDLE));
    assertEquals(new Heard.PracticeHeard("safe place"), heard(said(1, "safe place", 0.9, 0.9), Context.MENU));
    assertEquals(new Heard.NumberHeard(7), heard(said(1, "seven", 0.9), Context.NUMBER));
  }

  @Test
  void whileTheDeviceSpeaksOnlyStopPauseAndTooMuchGetThroughAndOnlyWhenVerySure() {
    played.played("Breathe in slowly, and let the breath go.", nanos(0), nanos(10));
    assertEquals(Command.STOP, ((Heard.CommandHeard) heard(said(5, "stop", 0.95), Context.PRACTICE)).command());
    assertEquals(Command.PAUSE, ((Heard.CommandHeard) heard(said(5, "wait", 0.95), Context.PRACTICE)).command());
    assertInstanceOf(Heard.Ignored.class, heard(said(5, "stop", 0.85), Context.PRACTICE), "below barge-in bar");
    assertInstanceOf(Heard.Ignored.class, heard(said(5, "slower", 0.99), Context.PRACTICE));
    assertInstanceOf(Heard.Ignored.class, heard(new Recognition.NotRecognised(5, 6), Context.PRACTICE),
        "its own voice is not 'not understood'");
  }

  @Test
  void theBargeInBarAppliesWhenTheWordsWereSpokenNotWhenTheResultArrives() {
    played.played("You can rest here.", nanos(0), nanos(2));
    played.played("Notice the ground beneath you.", nanos(4), nanos(8));
    assertInstanceOf(Heard.Ignored.class, heard(said(1, "slower", 0.99), Context.PRACTICE),
        "said while the device spoke, though the result comes after it stopped");
    assertEquals(Command.SLOWER, ((Heard.CommandHeard) heard(said(2.6, "slower", 0.8), Context.PRACTICE)).command(),
        "said in the pause between sentences: the ordinary bar, though the device speaks again when it arrives");
    assertInstanceOf(Heard.Ignored.class, heard(said(3.6, "slower", 0.99), Context.PRACTICE),
        "within the output latency and echo margin of the next sentence");
  }

  @Test
  void aCommandWordTheDeviceItselfWasSayingIsItsOwnVoice() {
    played.played("Whenever you want, say stop, or press the button once.", nanos(10), nanos(14));
    Heard echo = heard(said(12, "stop", 0.99), Context.PRACTICE);
    assertInstanceOf(Heard.Ignored.class, echo, "even very sure: it is the device's own 'stop'");
    Heard late = heard(said(14.35, "stop", 0.99), Context.PRACTICE);
    assertInstanceOf(Heard.Ignored.class, late, "0.35 s after the sentence: within latency and echo margin");
    assertEquals(Command.STOP, ((Heard.CommandHeard) heard(said(15, "stop", 0.8), Context.PRACTICE)).command(),
        "a second after the device finished: a person saying stop");
    played.played("Let your shoulders soften.", nanos(20), nanos(23));
    assertEquals(Command.STOP, ((Heard.CommandHeard) heard(said(21, "stop", 0.95), Context.PRACTICE)).command(),
        "a person barging in over a sentence without the word");
  }

  @Test
  void streamTimesAreMappedThroughTheCaptureTimesOfTheChunks() {
    StreamClock chunks = new StreamClock(16_000);
    chunks.fed(1_600, nanos(100));
    chunks.fed(1_600, nanos(100.1));
    chunks.fed(1_600, nanos(250));
    assertEquals(nanos(100.05), chunks.nanosAt(0.05));
    assertEquals(nanos(100.15), chunks.nanosAt(0.15));
    assertEquals(nanos(250.05), chunks.nanosAt(0.25), "after a gap in capture (a dropped chunk), the later stamp");
    assertEquals(0.3, chunks.secondsFed(), 1e-9);
  }
}
