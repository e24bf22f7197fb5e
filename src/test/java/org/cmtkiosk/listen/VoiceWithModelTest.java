package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.testing.RealVoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.cmtkiosk.cli.CommandEvaluation;

/**
 * Recognition with a real Vosk model. Runs when one is present (VOSK_MODEL=/path, or voice.model's default path);
 * reported as skipped otherwise — models cannot be downloaded in our build environment.
 */
@EnabledIf("modelPresent")
class VoiceWithModelTest {
  @TempDir
  Path dir;

  static Path model() {
    String env = System.getenv("VOSK_MODEL");
    return env != null && !env.isBlank() ? Path.of(env) : Defaults.config().voice().model();
  }

  static boolean modelPresent() {
    return Files.isDirectory(model().resolve("am"));
  }

  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing", "safe place"));

  @Test
  void aSpokenStopInAWavFileBecomesTheStopCommand() throws Exception {
    Pcm stop = RealVoice.speaker().speak("Stop.");
    Path wav = dir.resolve("stop.wav");
    float[] padded = new float[stop.length() + 2 * Pcm.RATE_HZ];
    System.arraycopy(stop.samples(), 0, padded, Pcm.RATE_HZ / 2, stop.length());
    WavFiles.write(new Pcm(padded), wav);
    List<Heard> heard = new ArrayList<>();
    try (VoiceCommands voice = new VoiceCommands(new WavFileMic(wav, false),
        VoskRecogniser.open(model(), vocabulary.grammar(Context.PRACTICE)),
        new Interpreter(vocabulary, 0.75, 0.9), vocabulary, () -> Context.PRACTICE, () -> false, heard::add,
        s -> { })) {
      voice.runToEnd();
    }
    assertEquals(List.of(new Heard.CommandHeard(Command.STOP, "stop")), heard);
  }

  @Test
  void commandsInRoomNoiseAreRecognisedAndOtherSpeechIsNotTakenForCommands() throws Exception {
    CommandEvaluation.Report report = CommandEvaluation.run(RealVoice.CONFIG.speech(), model(), vocabulary,
        Defaults.config().voice().confidence());
    System.out.println("Voice command evaluation: " + report);
    assertTrue(report.accuracy() >= 0.8, report::toString);
    assertTrue(report.falseAccepts() <= 1, report::toString);
  }
}
