package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vosk's real result format in, meaning out: strict about phrases, confidence and the device's own voice. */
class InterpreterTest {
  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing", "safe place"));
  private final Interpreter interpreter = new Interpreter(vocabulary, 0.75, 0.9);

  static String result(String text, double... confs) {
    String[] words = text.split(" ");
    StringBuilder json = new StringBuilder("{\n  \"result\" : [");
    double t = 0.5;
    for (int i = 0; i < words.length; i++) {
      json.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
          "{\n      \"conf\" : %f,\n      \"end\" : %f,\n      \"start\" : %f,\n      \"word\" : \"%s\"\n    }",
          confs[i], t + 0.3, t, words[i]));
      t += 0.35;
    }
    return json.append("],\n  \"text\" : \"").append(text).append("\"\n}").toString();
  }

  private Heard heard(String json, Context context, boolean speaking) {
    return interpreter.interpret(VoskResult.parse(json), context, speaking);
  }

  @Test
  void parsesVosksResultWithWordTimesAndConfidences() {
    VoskResult r = VoskResult.parse(result("go on", 0.93, 0.81));
    assertEquals("go on", r.text());
    assertEquals(2, r.result().size());
    assertEquals(0.81, r.minConfidence(), 1e-9);
    assertEquals(1.15, r.endSeconds(), 1e-9);
    assertEquals("", VoskResult.parse("{\"text\" : \"\"}").text());
    assertEquals("", VoskResult.parse("not json").text());
    assertEquals("stop", VoskResult.parse("{\"partial\" : \"\", \"text\" : \"stop\"}").text());
  }

  @Test
  void aConfidentPhraseIsACommandAndSynonymsMeanTheSame() {
    assertEquals(new Heard.CommandHeard(Command.RESUME, "go on"), heard(result("go on", 0.9, 0.8),
        Context.PRACTICE, false));
    assertEquals(new Heard.CommandHeard(Command.QUIETER, "softer"), heard(result("softer", 0.9), Context.PRACTICE,
        false));
    assertEquals(new Heard.CommandHeard(Command.GROUND_ME, "too much"), heard(result("too much", 0.9, 0.9),
        Context.PRACTICE, false));
  }

  @Test
  void anUnsureWordMakesItNotUnderstood() {
    assertEquals(new Heard.NotUnderstood("stop"), heard(result("stop", 0.6), Context.PRACTICE, false));
  }

  @Test
  void unknownSpeechIsNotUnderstoodAndSilenceIsIgnored() {
    assertEquals(new Heard.NotUnderstood("[unk]"), heard(result("[unk]", 1.0), Context.PRACTICE, false));
    assertInstanceOf(Heard.Ignored.class, heard("{\"text\" : \"\"}", Context.PRACTICE, false));
  }

  @Test
  void phrasesCountOnlyInTheirContext() {
    assertEquals(new Heard.NotUnderstood("slower"), heard(result("slower", 0.99), Context.IDLE, false));
    assertEquals(new Heard.CommandHeard(Command.START, "begin"), heard(result("begin", 0.99), Context.IDLE, false));
    assertEquals(new Heard.PracticeHeard("safe place"), heard(result("safe place", 0.9, 0.9), Context.MENU, false));
    assertEquals(new Heard.NumberHeard(7), heard(result("seven", 0.9), Context.NUMBER, false));
  }

  @Test
  void whileTheDeviceSpeaksOnlyStopPauseAndTooMuchGetThroughAndOnlyWhenVerySure() {
    assertEquals(Command.STOP, ((Heard.CommandHeard) heard(result("stop", 0.95), Context.PRACTICE, true)).command());
    assertEquals(Command.PAUSE, ((Heard.CommandHeard) heard(result("wait", 0.95), Context.PRACTICE, true)).command());
    assertInstanceOf(Heard.Ignored.class, heard(result("stop", 0.85), Context.PRACTICE, true), "below barge-in bar");
    assertInstanceOf(Heard.Ignored.class, heard(result("slower", 0.99), Context.PRACTICE, true));
    assertInstanceOf(Heard.Ignored.class, heard(result("[unk]", 1.0), Context.PRACTICE, true),
        "its own voice is not 'not understood'");
  }
}
