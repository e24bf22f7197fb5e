package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.pcm.Resampling;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Interpreter;
import org.cmtkiosk.listen.OwnSpeech;
import org.cmtkiosk.listen.Recogniser;
import org.cmtkiosk.listen.RecogniserEngine;
import org.cmtkiosk.listen.Recognition;
import org.cmtkiosk.listen.StreamClock;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.Vocabulary;

/**
 * How well an engine and the interpreter pick out commands (every phrase, every voice, in clean audio and in pink
 * and white noise at 10 and 0 dB SNR) and how rarely they hear one in speech that is none (false commands per hour),
 * with the delay from the end of a spoken command to the command, and the decoding real-time factor.
 */
final class CommandEvaluation {
  static final int RATE_HZ = 16_000;
  private static final boolean DEBUG = Boolean.getBoolean("cmtkiosk.voice.debug");
  private static final int CHUNK = 1_600;
  private static final double LEAD_SECONDS = 0.6;
  private static final double TAIL_SECONDS = 1.4;

  /** Clean audio, or noise of a colour at a signal-to-noise ratio. */
  record Condition(String name, String noise, double snrDb) {
    static final List<Condition> ALL = List.of(new Condition("clean", null, 0),
        new Condition("pink noise 10 dB SNR", "pinknoise", 10), new Condition("white noise 10 dB SNR", "whitenoise", 10),
        new Condition("pink noise 0 dB SNR", "pinknoise", 0), new Condition("white noise 0 dB SNR", "whitenoise", 0));
  }

  /** Outcomes of the command clips of one condition. */
  static final class Tally {
    int clips;
    int correct;
    int wrong;
    final List<String> misses = new ArrayList<>();

    double rate() {
      return clips == 0 ? Double.NaN : correct / (double) clips;
    }
  }

  /** Everything measured. */
  record Report(String engine, int voices, Map<Condition, Tally> commands, double otherSeconds,
      double practiceSeconds, List<String> falseCommands, List<String> falseInBargeIn,
      List<Double> latencyMs, double audioSeconds, double decodeSeconds) {
    double falsePerHour() {
      return falseCommands.size() / (otherSeconds / 3600);
    }

    /**
     * False commands per hour as during a session: read text as a person's speech, the practices as the device's
     * own (barge-in rules).
     */
    double falsePerHourInSession() {
      return (falseCommands.size() - falseInPractices() + falseInBargeIn.size()) / (otherSeconds / 3600);
    }

    /** False commands in the device's own practices (the speaker's sound, before own-speech suppression). */
    long falseInPractices() {
      return falseCommands.stream().filter(CommandEvaluation::isPractice).count();
    }

    double latencyMs(double percentile) {
      if (latencyMs.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = new ArrayList<>(latencyMs);
      Collections.sort(sorted);
      return sorted.get((int) Math.round(percentile * (sorted.size() - 1)));
    }

    double realTimeFactor() {
      return decodeSeconds / audioSeconds;
    }
  }

  private final RecogniserEngine engine;
  private final Vocabulary vocabulary;
  private final Interpreter interpreter;
  private final Consumer<String> progress;
  private double audioSeconds;
  private double decodeSeconds;

  CommandEvaluation(RecogniserEngine engine, Vocabulary vocabulary, Interpreter interpreter,
      Consumer<String> progress) {
    this.engine = engine;
    this.vocabulary = vocabulary;
    this.interpreter = interpreter;
    this.progress = progress;
  }

  Report run(List<VoiceBenchSet.Clip> clips, Map<String, float[]> noises, List<Path> other)
      throws IOException, VoiceUnavailableException {
    return run(clips, noises, other, Condition.ALL);
  }

  Report run(List<VoiceBenchSet.Clip> clips, Map<String, float[]> noises, List<Path> other,
      List<Condition> conditions) throws IOException, VoiceUnavailableException {
    Map<Condition, Tally> tallies = new LinkedHashMap<>();
    List<Double> latency = new ArrayList<>();
    for (Condition c : conditions) {
      progress.accept("Commands, " + c.name() + "...");
      tallies.put(c, commands(clips, c, c.noise() == null ? null : noises.get(c.noise()), latency));
    }
    progress.accept("Non-command speech...");
    List<String> falseCommands = new ArrayList<>();
    double otherSeconds = 0;
    double practiceSeconds = 0;
    List<String> falseInBargeIn = new ArrayList<>();
    for (Path wav : other) {
      double seconds = nonCommands(wav, falseCommands, falseInBargeIn);
      otherSeconds += seconds;
      practiceSeconds += isPractice(wav.getFileName().toString()) ? seconds : 0;
    }
    int voices = (int) clips.stream().map(c -> c.voice().name()).distinct().count();
    return new Report(engine.name(), voices, tallies, otherSeconds, practiceSeconds, falseCommands, falseInBargeIn, latency, audioSeconds, decodeSeconds);
  }

  private Tally commands(List<VoiceBenchSet.Clip> clips, Condition condition, float[] noise, List<Double> latency)
      throws IOException, VoiceUnavailableException {
    Tally tally = new Tally();
    int noiseAt = 0;
    String voice = null;
    Stream stream = null;
    try {
      for (VoiceBenchSet.Clip clip : clips) {
        if (!clip.voice().name().equals(voice)) {
          if (stream != null) {
            stream.close();
          }
          voice = clip.voice().name();
          stream = new Stream(engine.open(vocabulary.phrases(Context.PRACTICE)));
        }
        float[] speech = read16k(clip.wav());
        float[] audio = new float[(int) ((LEAD_SECONDS + TAIL_SECONDS) * RATE_HZ) + speech.length];
        int lead = (int) (LEAD_SECONDS * RATE_HZ);
        System.arraycopy(speech, 0, audio, lead, speech.length);
        if (noise != null) {
          noiseAt = mix(audio, speech, noise, noiseAt, condition.snrDb());
        }
        double speechEnd = stream.secondsFed() + (lead + lastLoud(speech)) / (double) RATE_HZ;
        Context context = contextOf(clip.phrase());
        if (DEBUG) {
          System.err.println("clip: " + condition.name() + " | " + clip.voice().name() + " | " + clip.phrase());
        }
        List<Heard> heard = stream.feed(audio, context);
        judge(clip, heard, tally);
        if (stream.lastCommandAt >= 0 && correct(clip, heard)) {
          latency.add(1000 * (stream.lastCommandAt - speechEnd) + stream.lastDecodeMs);
        }
      }
    } finally {
      if (stream != null) {
        stream.close();
      }
    }
    return tally;
  }

  private static boolean correct(VoiceBenchSet.Clip clip, List<Heard> heard) {
    List<Heard> meant = heard.stream().filter(h -> !(h instanceof Heard.NotUnderstood)).toList();
    return meant.size() == 1 && phrase(meant.get(0)).equals(Optional.of(clip.phrase()));
  }

  private static void judge(VoiceBenchSet.Clip clip, List<Heard> heard, Tally tally) {
    tally.clips++;
    if (correct(clip, heard)) {
      tally.correct++;
    } else if (heard.stream().anyMatch(h -> phrase(h).isPresent())) {
      tally.wrong++;
      tally.misses.add(clip.voice().name() + " '" + clip.phrase() + "' → " + heard);
    } else {
      tally.misses.add(clip.voice().name() + " '" + clip.phrase() + "' → " + heard);
    }
  }

  private static Optional<String> phrase(Heard h) {
    if (h instanceof Heard.CommandHeard c) {
      return Optional.of(c.words());
    }
    if (h instanceof Heard.PracticeHeard p) {
      return Optional.of(p.spokenName());
    }
    if (h instanceof Heard.NumberHeard n) {
      return Optional.of(Integer.toString(n.value()));
    }
    return Optional.empty();
  }

  /** The first context listening for {@code phrase}. */
  private Context contextOf(String phrase) {
    return Arrays.stream(Context.values()).filter(c -> vocabulary.phrases(c).containsKey(phrase)).findFirst()
        .orElse(Context.PRACTICE);
  }

  /** Feeds a whole file of non-command speech in the practice context; returns its length in seconds. */
  /**
   * Feeds a whole file of non-command speech in the practice context; returns its length in seconds. Each command
   * heard is false; in the device's own practices it is also judged as during a session, when the device is known
   * to be speaking (barge-in rules; which words it said is not used).
   */
  private double nonCommands(Path wav, List<String> falseCommands, List<String> falseInBargeIn)
      throws IOException, VoiceUnavailableException {
    float[] audio = read16k(wav);
    if (DEBUG) {
      System.err.println("file: " + wav.getFileName());
    }
    try (Stream stream = new Stream(engine.open(vocabulary.phrases(Context.PRACTICE)))) {
      for (Heard h : stream.feed(audio, Context.PRACTICE)) {
        if (h instanceof Heard.CommandHeard c) {
          falseCommands.add(wav.getFileName() + ": '" + c.words() + "'");
        }
      }
      if (isPractice(wav.getFileName().toString())) {
        for (Heard h : stream.heardWhileSpeaking) {
          if (h instanceof Heard.CommandHeard c) {
            falseInBargeIn.add(wav.getFileName() + ": '" + c.words() + "'");
          }
        }
      }
      return audio.length / (double) RATE_HZ;
    }
  }

  /** The device speaking all the time, its words unknown. */
  private static final OwnSpeech ALWAYS_SPEAKING = new OwnSpeech() {
    @Override
    public boolean speaking(long fromNanos, long toNanos) {
      return true;
    }

    @Override
    public boolean said(String word, long fromNanos, long toNanos) {
      return false;
    }
  };

  static boolean isPractice(String name) {
    return name.startsWith("practice-");
  }

  /** A WAV file of any rate as 16 kHz mono samples. */
  static float[] read16k(Path wav) throws IOException {
    WavFiles.Mono mono = WavFiles.readMono(wav);
    return Resampling.resample(mono.samples(), mono.rateHz(), RATE_HZ);
  }

  /** Adds noise at {@code snrDb} under the speech's active level; returns where the noise continues. */
  private static int mix(float[] audio, float[] speech, float[] noise, int from, double snrDb) {
    double noiseRms = Levels.rms(noise, 0, noise.length);
    double gain = Levels.activeRms(speech) / Levels.toGain(snrDb) / noiseRms;
    int at = from;
    for (int i = 0; i < audio.length; i++) {
      audio[i] += (float) (noise[at] * gain);
      at = (at + 1) % noise.length;
    }
    return at;
  }

  /** The index just after the last sample within 30 dB of the peak. */
  private static int lastLoud(float[] s) {
    double threshold = Levels.peak(s, 0, s.length) * 0.03;
    for (int i = s.length - 1; i >= 0; i--) {
      if (Math.abs(s[i]) > threshold) {
        return i + 1;
      }
    }
    return s.length;
  }

  /** One recogniser fed continuously, with the interpreter judging each result. */
  private final class Stream implements AutoCloseable {
    private final Recogniser recogniser;
    private final StreamClock clock = new StreamClock(RATE_HZ);
    private Context context;
    double lastCommandAt = -1;
    double lastDecodeMs;

    Stream(Recogniser recogniser) {
      this.recogniser = recogniser;
    }

    double secondsFed() {
      return clock.secondsFed();
    }

    final List<Heard> heardWhileSpeaking = new ArrayList<>();

    List<Heard> feed(float[] audio, Context now) {
      if (now != context) {
        recogniser.listenFor(vocabulary.phrases(now));
        context = now;
      }
      lastCommandAt = -1;
      List<Heard> heard = new ArrayList<>();
      byte[] pcm = WavFiles.toPcm16(audio);
      for (int at = 0; at < pcm.length; at += 2 * CHUNK) {
        int n = Math.min(2 * CHUNK, pcm.length - at);
        clock.fed(n / 2, Math.round(clock.secondsFed() * 1e9));
        long t0 = System.nanoTime();
        Optional<Recognition> r = recogniser.accept(Arrays.copyOfRange(pcm, at, at + n), n);
        long took = System.nanoTime() - t0;
        decodeSeconds += took / 1e9;
        audioSeconds += n / 2.0 / RATE_HZ;
        if (r.isPresent()) {
          Heard h = interpreter.interpret(r.get(), now, clock, OwnSpeech.NONE);
          heardWhileSpeaking.add(interpreter.interpret(r.get(), now, clock, ALWAYS_SPEAKING));
          if (!(h instanceof Heard.Ignored)) {
            heard.add(h);
          }
          if (phrase(h).isPresent()) {
            lastCommandAt = clock.secondsFed();
            lastDecodeMs = took / 1e6;
          }
        }
      }
      return heard;
    }

    @Override
    public void close() {
      recogniser.close();
    }
  }
}
