package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.pcm.Resampling;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechException;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.listen.Interpreter;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.VoskRecogniser;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.VoskResult;
import org.cmtkiosk.listen.MicSource;
import org.cmtkiosk.speech.SpeechSettings;

/**
 * How well voice commands are recognised with a real model: command words and non-command sentences spoken by
 * MaryTTS at several speeds and pitches, with room noise at 10 dB SNR, run through Vosk and the interpreter.
 */
public final class CommandEvaluation {
  static final List<String> COMMANDS = List.of("stop", "pause", "go on", "slower", "faster", "louder", "quieter",
      "help", "too much", "repeat");
  static final List<String> OTHER_SPEECH = List.of("I think it is going to rain later today.",
      "Could you pass me that cup please?", "The bus was late again this morning.",
      "My appointment is at half past three.");
  private static final int[][] VOICES = {{-20, 0}, {0, 0}, {15, 10}, {-10, -12}};
  private static final double SNR_DB = 10;

  /** Accuracy on commands, false accepts on other speech, and latency from end of speech to the command. */
  public record Report(int commands, int correct, int otherUtterances, int falseAccepts, List<Double> latencyMs,
      double realTimeFactor) {
    public double accuracy() {
      return correct / (double) commands;
    }

    public double latencyMs(double percentile) {
      if (latencyMs.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(latencyMs);
      Collections.sort(sorted);
      return sorted.get((int) Math.round(percentile * (sorted.size() - 1)));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "accuracy %d/%d (%.0f%%), false accepts %d/%d, latency p50 %.0f ms, "
          + "p90 %.0f ms, real-time factor %.3f", correct, commands, 100 * accuracy(), falseAccepts, otherUtterances,
          latencyMs(0.5), latencyMs(0.9), realTimeFactor);
    }
  }

  private CommandEvaluation() {}

  /** Runs the evaluation with the model at {@code model}. */
  public static Report run(SpeechSettings speech, Path model, Vocabulary vocabulary, double confidence)
      throws SpeechException, VoiceUnavailableException {
    Interpreter interpreter = new Interpreter(vocabulary, confidence, 1.0);
    Random noise = new Random(42);
    int correct = 0;
    int falseAccepts = 0;
    List<Double> latency = new ArrayList<>();
    double audioSeconds = 0;
    long nanos = 0;
    for (int[] voice : VOICES) {
      MarySpeaker mary = new MarySpeaker(new SpeechSettings(speech.voice(), voice[0], voice[1],
          speech.commaPause(), speech.sentencePause(), speech.paragraphPause(), speech.levelDbfs(),
          speech.cacheDirectory()));
      for (String phrase : concat(COMMANDS, OTHER_SPEECH)) {
        byte[] audio = utterance(mary.speak(phrase), noise);
        audioSeconds += audio.length / 2.0 / MicSource.FORMAT.getSampleRate();
        long t0 = System.nanoTime();
        Outcome o = recognise(model, vocabulary, interpreter, audio);
        nanos += System.nanoTime() - t0;
        boolean isCommand = COMMANDS.contains(phrase);
        if (isCommand && o.heard() instanceof Heard.CommandHeard c && c.words().equals(phrase)) {
          correct++;
          latency.add(o.latencyMs());
        } else if (!isCommand && o.heard() instanceof Heard.CommandHeard) {
          falseAccepts++;
        }
      }
    }
    return new Report(COMMANDS.size() * VOICES.length, correct, OTHER_SPEECH.size() * VOICES.length, falseAccepts,
        latency, nanos / 1e9 / audioSeconds);
  }

  private record Outcome(Heard heard, double latencyMs) {}

  private static Outcome recognise(Path model, Vocabulary vocabulary, Interpreter interpreter, byte[] audio)
      throws VoiceUnavailableException {
    try (VoskRecogniser r = VoskRecogniser.open(model, vocabulary.grammar(Context.PRACTICE))) {
      int chunk = 3200;
      for (int at = 0; at < audio.length; at += chunk) {
        int n = Math.min(chunk, audio.length - at);
        String json = r.accept(java.util.Arrays.copyOfRange(audio, at, at + n), n);
        if (json != null) {
          VoskResult result = VoskResult.parse(json);
          if (!result.text().isEmpty()) {
            double fedSeconds = (at + n) / 2.0 / MicSource.FORMAT.getSampleRate();
            return new Outcome(interpreter.interpret(result, Context.PRACTICE, false),
                1000 * (fedSeconds - result.endSeconds()));
          }
        }
      }
      VoskResult last = VoskResult.parse(r.finish());
      return new Outcome(interpreter.interpret(last, Context.PRACTICE, false), Double.NaN);
    }
  }

  /** 0.5 s of room noise, the speech, 2 s more noise; at 16 kHz, noise 10 dB under the speech. */
  static byte[] utterance(Pcm speech, Random random) {
    float[] s = Resampling.resample(speech.samples(), Pcm.RATE_HZ, MicSource.FORMAT.getSampleRate());
    int rate = (int) MicSource.FORMAT.getSampleRate();
    float[] all = new float[rate / 2 + s.length + 2 * rate];
    System.arraycopy(s, 0, all, rate / 2, s.length);
    float[] noise = new float[all.length];
    double brown = 0;
    for (int i = 0; i < noise.length; i++) {
      brown = 0.98 * brown + random.nextGaussian();
      noise[i] = (float) brown;
    }
    double scale = Levels.activeRms(s) / Levels.toGain(SNR_DB) / Levels.rms(noise, 0, noise.length);
    for (int i = 0; i < all.length; i++) {
      all[i] += (float) (noise[i] * scale);
    }
    return WavFiles.toPcm16(all);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
