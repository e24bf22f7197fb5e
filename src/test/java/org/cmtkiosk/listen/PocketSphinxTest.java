package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Resampling;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.testing.Espeak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PocketSphinx of the OS (Debian packages pocketsphinx, pocketsphinx-en-us) on espeak-ng speech: typed
 * results with word times, and rejection of speech that is not a command. Skipped, with the reason, where the
 * library, its model or espeak-ng is not installed.
 */
class PocketSphinxTest {
  @TempDir
  Path dir;

  private static RecogniserEngine engine;
  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing", "safe place"));

  @BeforeAll
  static void engine() {
    try {
      engine = PocketSphinxRecogniser.engine(PocketSphinxRecogniser.DEBIAN_MODEL,
          PocketSphinxRecogniser.Tuning.DEFAULT, System.out::println);
    } catch (VoiceUnavailableException e) {
      engine = null;
      assumeTrue(false, "PocketSphinx is not installed here: " + e.getMessage());
    }
    assumeTrue(Espeak.installed(), "espeak-ng is not installed (Debian package espeak-ng)");
  }

  /** Every result of the file, with 0.5 s of silence before and 1 s after the speech. */
  private List<Recognition> recognise(Path wav, Context context) throws Exception {
    byte[] speech = WavFileMic.toVoskFormat(wav);
    byte[] audio = new byte[16_000 + speech.length + 32_000];
    System.arraycopy(speech, 0, audio, 16_000, speech.length);
    List<Recognition> results = new ArrayList<>();
    try (Recogniser r = engine.open(vocabulary.phrases(context).keySet())) {
      for (int at = 0; at < audio.length; at += 3200) {
        int n = Math.min(3200, audio.length - at);
        r.accept(java.util.Arrays.copyOfRange(audio, at, at + n), n).ifPresent(results::add);
      }
      r.finish().ifPresent(results::add);
    }
    return results;
  }

  @Test
  void aSpokenCommandComesBackAsTypedWordsWithTimesAndConfidence() throws Exception {
    List<Recognition> results = recognise(Espeak.say("en-us", "stop", dir.resolve("stop.wav")), Context.PRACTICE);
    assertEquals(1, results.size(), results::toString);
    Recognition.Words words = assertInstanceOf(Recognition.Words.class, results.get(0));
    assertEquals("stop", words.text());
    Recognition.Word stop = words.words().get(0);
    assertTrue(stop.startSeconds() >= 0.4 && stop.startSeconds() < 0.8, "starts after the 0.5 s of silence: " + stop);
    assertTrue(stop.endSeconds() > stop.startSeconds() + 0.2 && stop.endSeconds() < 1.4, stop::toString);
    assertTrue(stop.confidence() >= 0.75 && stop.confidence() <= 1, "fits about as well as free phones: " + stop);
  }

  @Test
  void aTwoWordPhraseKeepsItsWordsInOrder() throws Exception {
    List<Recognition> results = recognise(Espeak.say("en-us", "too much", dir.resolve("w.wav")), Context.PRACTICE);
    Recognition.Words words = assertInstanceOf(Recognition.Words.class, results.get(0), results::toString);
    assertEquals("too much", words.text());
    assertTrue(words.words().get(0).endSeconds() <= words.words().get(1).startSeconds() + 0.05, words::toString);
  }

  @Test
  void aSentenceThatIsNoCommandIsNotTakenForOne() throws Exception {
    Path wav = Espeak.say("en-us", "I think it is going to rain later this afternoon, so bring a coat.",
        dir.resolve("rain.wav"));
    List<Recognition> results = recognise(wav, Context.PRACTICE);
    Interpreter interpreter = new Interpreter(vocabulary, Defaults.config().voice());
    StreamClock clock = new StreamClock(16_000);
    clock.fed(16_000 * 60, 0);
    for (Recognition r : results) {
      Heard heard = interpreter.interpret(r, Context.PRACTICE, clock, OwnSpeech.NONE);
      assertInstanceOf(Heard.NotUnderstood.class, heard, () -> r + " was taken for " + heard);
    }
  }

  @Test
  void aCommandWordInsideLongerSpeechIsNotACommand() throws Exception {
    Path wav = Espeak.say("en-gb", "We can read the whole chapter again tomorrow morning before the lesson.",
        dir.resolve("again.wav"));
    Interpreter interpreter = new Interpreter(vocabulary, Defaults.config().voice());
    StreamClock clock = new StreamClock(16_000);
    clock.fed(16_000 * 60, 0);
    for (Recognition r : recognise(wav, Context.PRACTICE)) {
      Heard heard = interpreter.interpret(r, Context.PRACTICE, clock, OwnSpeech.NONE);
      assertInstanceOf(Heard.NotUnderstood.class, heard, () -> r + " was taken for " + heard);
    }
  }

  @Test
  void theListeningLoopTurnsASpokenStopIntoTheStopCommand() throws Exception {
    Path wav = dir.resolve("padded.wav");
    byte[] speech = WavFileMic.toVoskFormat(Espeak.say("en-gb", "stop", dir.resolve("s.wav")));
    float[] padded = new float[16_000 + speech.length / 2 + 24_000];
    for (int i = 0; i < speech.length / 2; i++) {
      padded[16_000 + i] = (short) ((speech[2 * i] & 0xff) | (speech[2 * i + 1] << 8)) / 32768f;
    }
    WavFiles.write(new Pcm(Resampling.resample(padded, 16_000, Pcm.RATE_HZ)), wav);
    VoiceCommandsTest.RecordingListener heard = new VoiceCommandsTest.RecordingListener();
    new VoiceCommands(new WavFileMic(wav, false), engine, new Interpreter(vocabulary, Defaults.config().voice()),
        vocabulary, () -> Context.PRACTICE, OwnSpeech.NONE, heard, s -> { }).runToEnd();
    assertEquals(List.of(new Heard.CommandHeard(Command.STOP, "stop")), heard.heard);
  }

  /** Every result of the files said one after another, each with 0.5 s of silence before and 1 s after. */
  private static List<Recognition> recognise(RecogniserEngine engine, Map<String, Heard> phrases, Path... wavs)
      throws Exception {
    List<Recognition> results = new ArrayList<>();
    try (Recogniser r = engine.open(phrases)) {
      for (Path wav : wavs) {
        byte[] speech = WavFileMic.toVoskFormat(wav);
        byte[] audio = new byte[16_000 + speech.length + 32_000];
        System.arraycopy(speech, 0, audio, 16_000, speech.length);
        for (int at = 0; at < audio.length; at += 3200) {
          int n = Math.min(3200, audio.length - at);
          r.accept(java.util.Arrays.copyOfRange(audio, at, at + n), n).ifPresent(results::add);
        }
      }
      r.finish().ifPresent(results::add);
    }
    return results;
  }

  private static RecogniserEngine withMargin(double margin) throws VoiceUnavailableException {
    PocketSphinxRecogniser.Tuning d = PocketSphinxRecogniser.Tuning.DEFAULT;
    return PocketSphinxRecogniser.engine(PocketSphinxRecogniser.DEBIAN_MODEL,
        new PocketSphinxRecogniser.Tuning(d.spread(), margin, d.decoderArguments()), System.out::println);
  }

  private static Map<String, Heard> commands(Object... phraseThenCommand) {
    Map<String, Heard> m = new LinkedHashMap<>();
    for (int i = 0; i < phraseThenCommand.length; i += 2) {
      m.put((String) phraseThenCommand[i], new Heard.CommandHeard((Command) phraseThenCommand[i + 1],
          (String) phraseThenCommand[i]));
    }
    return m;
  }

  @Test
  void aPhraseMustFitBetterThanEveryPhraseOfAnotherCommandByTheMargin() throws Exception {
    Path louder = Espeak.say("en-us", "louder", dir.resolve("louder.wav"));
    Map<String, Heard> phrases = vocabulary.phrases(Context.PRACTICE);
    Recognition usual = recognise(engine, phrases, louder).get(0);
    assertEquals("louder", assertInstanceOf(Recognition.Words.class, usual).text());
    List<Recognition> strict = recognise(withMargin(100), phrases, louder);
    assertEquals(1, strict.size(), strict::toString);
    assertInstanceOf(Recognition.NotRecognised.class, strict.get(0),
        "no phrase beats the others by 100 nats a frame: " + strict);
  }

  @Test
  void aSynonymIsNoRivalButTheSamePhrasesWithoutMeaningsAre() throws Exception {
    Path stop = Espeak.say("en-us", "stop", dir.resolve("stop.wav"));
    RecogniserEngine strict = withMargin(100);
    Recognition synonyms = recognise(strict, commands("stop", Command.STOP, "end", Command.STOP), stop).get(0);
    assertEquals("stop", assertInstanceOf(Recognition.Words.class, synonyms, synonyms::toString).text(),
        "end means stop too, so nothing competes with stop");
    Recognition rivals = recognise(strict, commands("stop", Command.STOP, "end", Command.SKIP), stop).get(0);
    assertInstanceOf(Recognition.NotRecognised.class, rivals, "end as another command is a rival: " + rivals);
  }

  @Test
  void eachUtteranceIsJudgedAgainOnItsOwnAudio() throws Exception {
    Map<String, Heard> phrases = commands("louder", Command.LOUDER, "quieter", Command.QUIETER, "slower",
        Command.SLOWER);
    List<Recognition> results = recognise(engine, phrases, Espeak.say("en-us", "louder", dir.resolve("a.wav")),
        Espeak.say("en-us", "quieter", dir.resolve("b.wav")), Espeak.say("en-us", "slower", dir.resolve("c.wav")));
    assertEquals(List.of("louder", "quieter", "slower"), results.stream()
        .map(r -> r instanceof Recognition.Words w ? w.text() : "(not recognised)").toList());
  }
}
