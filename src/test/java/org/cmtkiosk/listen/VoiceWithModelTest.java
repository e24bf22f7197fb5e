package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Recognition with a real Vosk model. Runs when one is present (VOSK_MODEL=/path, or voice.model's default path);
 * reported as skipped otherwise — models cannot be downloaded in our build environment. The accuracy and false
 * command rate are measured by {@code bench voice --engine vosk}.
 */
@EnabledIf("modelPresent")
class VoiceWithModelTest {
  @TempDir
  Path dir;

  static Path model() {
    String env = System.getenv("VOSK_MODEL");
    return env != null && !env.isBlank() ? Path.of(env) : Defaults.config().voice().voskModel();
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
    VoiceCommandsTest.RecordingListener heard = new VoiceCommandsTest.RecordingListener();
    try (VoiceCommands voice = new VoiceCommands(new WavFileMic(wav, false), VoskRecogniser.engine(model()),
        new Interpreter(vocabulary, Defaults.config().voice()), vocabulary, () -> Context.PRACTICE, OwnSpeech.NONE,
        heard, s -> { })) {
      voice.runToEnd();
    }
    assertEquals(List.of(new Heard.CommandHeard(Command.STOP, "stop")), new ArrayList<>(heard.heard));
  }
}
