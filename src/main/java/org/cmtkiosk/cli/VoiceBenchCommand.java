package org.cmtkiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cmtkiosk.App;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Engines;
import org.cmtkiosk.listen.Interpreter;
import org.cmtkiosk.listen.PocketSphinxRecogniser;
import org.cmtkiosk.listen.RecogniserEngine;
import org.cmtkiosk.listen.VoiceSettings;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench voice}: the configured recogniser on a generated labelled set, against the targets. */
@Command(name = "voice", description = {"Measure voice commands with the configured engine on a labelled set made "
    + "here (espeak-ng and flite voices saying every command, clean and in pink and white noise at 10 and 0 dB SNR; "
    + "practices rendered with MaryTTS and text read aloud as non-command speech): correct-command rate, false "
    + "commands per hour, end of speech to command, real-time factor.",
    "Needs espeak-ng, flite and sox. The set is kept in --data and reused."})
public final class VoiceBenchCommand implements Callable<Integer> {
  static final double TARGET_CORRECT = Engines.TARGET_CORRECT_AT_10_DB;
  static final double TARGET_FALSE_PER_HOUR = Engines.TARGET_FALSE_PER_HOUR;

  @ParentCommand
  BenchCommand bench;

  @Spec
  CommandSpec spec;

  @Option(names = "--data", defaultValue = "target/voice-bench", paramLabel = "DIR",
      description = "Where the generated set is kept (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--engine", paramLabel = "ENGINE", description = "vosk or pocketsphinx instead of voice.engine.")
  VoiceSettings.Engine engineOverride;

  @Option(names = "--text", paramLabel = "FILE", description = "Text to read aloud as non-command speech "
      + "(default: README.md).")
  List<Path> texts = new ArrayList<>(List.of(Path.of("README.md")));

  @Option(names = "--read-minutes", defaultValue = "16", paramLabel = "N",
      description = "About how many minutes of text to read aloud (default: ${DEFAULT-VALUE}).")
  int readMinutes;

  @Option(names = "--ps-spread", hidden = true, paramLabel = "NATS")
  Double spread;

  @Option(names = "--ps-margin", hidden = true, paramLabel = "NATS")
  Double margin;

  @Option(names = "--ps-arg", hidden = true, paramLabel = "ARG", description = "A PocketSphinx decoder setting "
      + "(name or value; repeat), e.g. --ps-arg=-vad_threshold --ps-arg=3.0.")
  List<String> decoderArguments = new ArrayList<>();

  @Option(names = "--quick", hidden = true, description = "Three voices, clean and 10 dB only, three files of other "
      + "speech.")
  boolean quick;

  @Option(names = "--show-misses", description = "List every missed command and every false command.")
  boolean showMisses;

  @Override
  public Integer call() throws Exception {
    App app = bench.main.app();
    PrintWriter err = spec.commandLine().getErr();
    VoiceSettings settings = engineOverride == null ? app.config().voice()
        : app.config().voice().withEngine(engineOverride);
    RecogniserEngine engine;
    try {
      engine = engine(settings, err);
    } catch (VoiceUnavailableException e) {
      err.println("Voice bench: " + e.getMessage());
      return 1;
    }
    Vocabulary vocabulary = app.vocabulary();
    VoiceBenchSet set = new VoiceBenchSet(data, err::println);
    err.println("Generating the labelled set in " + data + " (first run only)...");
    List<VoiceBenchSet.Clip> clips = set.commands(commandPhrases(vocabulary));
    if (quick) {
      clips = clips.stream().filter(c -> VoiceBenchSet.VOICES.indexOf(c.voice()) % 3 == 0).toList();
    }
    Map<String, float[]> noises = new LinkedHashMap<>();
    for (String colour : List.of("pinknoise", "whitenoise")) {
      noises.put(colour, CommandEvaluation.read16k(set.noise(colour)));
    }
    List<Path> other = new ArrayList<>(set.practices(app));
    other.addAll(set.readText("text", paragraphs(commandPhrases(vocabulary))));
    if (quick) {
      other = List.of(other.get(0), other.get(other.size() - 1), other.get(other.size() - 2));
    }
    err.println("Measuring " + engine.name() + "...");
    CommandEvaluation.Report report = new CommandEvaluation(engine, vocabulary, new Interpreter(vocabulary, settings),
        err::println).run(clips, noises, other, quick ? CommandEvaluation.Condition.ALL.subList(0, 3)
        : CommandEvaluation.Condition.ALL);
    print(report, vocabularyPhrases(clips));
    return 0;
  }

  private static int vocabularyPhrases(List<VoiceBenchSet.Clip> clips) {
    return (int) clips.stream().map(VoiceBenchSet.Clip::phrase).distinct().count();
  }

  private RecogniserEngine engine(VoiceSettings settings, PrintWriter err) throws VoiceUnavailableException {
    if (Engines.resolve(settings) == VoiceSettings.Engine.POCKETSPHINX
        && (spread != null || margin != null || !decoderArguments.isEmpty())) {
      PocketSphinxRecogniser.Tuning d = PocketSphinxRecogniser.Tuning.DEFAULT;
      return PocketSphinxRecogniser.engine(settings.pocketsphinxModel(), new PocketSphinxRecogniser.Tuning(
          spread == null ? d.spread() : spread, margin == null ? d.margin() : margin,
          decoderArguments.isEmpty() ? d.decoderArguments() : decoderArguments), err::println);
    }
    return Engines.of(settings, err::println);
  }

  /** Every command phrase of every context (not practice names or numbers). */
  static Set<String> commandPhrases(Vocabulary vocabulary) {
    Set<String> phrases = new LinkedHashSet<>();
    for (Context c : Context.values()) {
      vocabulary.phrases(c).forEach((phrase, meaning) -> {
        if (meaning instanceof org.cmtkiosk.listen.Heard.CommandHeard) {
          phrases.add(phrase);
        }
      });
    }
    return phrases;
  }

  /**
   * Prose paragraphs of the text files (no headings, tables, lists or code), leaving out every sentence that contains
   * a command phrase (so that every command heard in them is false), up to about --read-minutes.
   */
  List<String> paragraphs(Set<String> phrases) throws IOException {
    List<String> out = new ArrayList<>();
    int words = 0;
    int limit = readMinutes * 150;
    for (Path file : texts) {
      StringBuilder p = new StringBuilder();
      boolean code = false;
      for (String line : Files.readAllLines(file)) {
        code ^= line.startsWith("```");
        String t = line.strip();
        boolean prose = !code && !t.isEmpty() && t.matches("^[A-Za-z\"(].*") && !t.contains("|");
        if (prose) {
          p.append(t.replaceAll("[`*_\\[\\]]", "").replaceAll("\\(http[^)]*\\)", "")).append(' ');
        } else if (p.length() > 0) {
          String kept = withoutCommands(p.toString(), phrases);
          p.setLength(0);
          if (!kept.isEmpty()) {
            out.add(kept);
            words += kept.split("\\s+").length;
          }
          if (words >= limit) {
            return out;
          }
        }
      }
    }
    return out;
  }

  /** The 1, 5 and 15 minute load averages (the real-time factor counts time others' work took from us). */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String withoutCommands(String paragraph, Set<String> phrases) {
    StringBuilder kept = new StringBuilder();
    for (String sentence : paragraph.strip().split("(?<=[.!?])\\s+")) {
      if (!containsAny(sentence, phrases)) {
        kept.append(sentence).append(' ');
      }
    }
    return kept.toString().strip();
  }

  private static boolean containsAny(String text, Set<String> phrases) {
    String words = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z']+", " ") + " ";
    return phrases.stream().anyMatch(p -> words.contains(" " + p + " "));
  }

  private void print(CommandEvaluation.Report r, int phrases) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Machine: " + BenchCommand.machine() + ", load average " + loadAverage());
    out.println("Engine: " + r.engine() + "; " + phrases + " phrases × " + r.voices()
        + " voices (espeak-ng, flite) per condition");
    out.printf("| %-40s | %12s | %s |%n", "measure", "value", "notes");
    out.printf("|%s|%s|%s|%n", "-".repeat(42), "-".repeat(14), "-".repeat(40));
    r.commands().forEach((c, t) -> out.printf(Locale.ROOT, "| %-40s | %11.1f%% | %d of %d; %d wrong command |%n",
        "Correct command, " + c.name(), 100 * t.rate(), t.correct, t.clips, t.wrong));
    out.printf(Locale.ROOT, "| %-40s | %12.1f | %d in %.1f min: %d in %.1f min of the device's practices, %d in "
        + "%.1f min of read text |%n", "False commands per hour", r.falsePerHour(), r.falseCommands().size(),
        r.otherSeconds() / 60, r.falseInPractices(), r.practiceSeconds() / 60,
        r.falseCommands().size() - r.falseInPractices(), (r.otherSeconds() - r.practiceSeconds()) / 60);
    out.printf(Locale.ROOT, "| %-40s | %12.1f | %d in the practices with the device speaking (barge-in rules), "
        + "read text as above |%n", "False commands per hour, as in a session", r.falsePerHourInSession(),
        r.falseInBargeIn().size());
    out.printf(Locale.ROOT, "| %-40s | %9.0f ms | p90 %.0f ms, from the last loud sample |%n",
        "End of speech to command (p50)", r.latencyMs(0.5), r.latencyMs(0.9));
    out.printf(Locale.ROOT, "| %-40s | %12.3f | %.0f s of audio decoded |%n", "Real-time factor", r.realTimeFactor(),
        r.audioSeconds());
    double at10 = (r.commands().values().stream().skip(1).limit(2).mapToDouble(t -> t.correct).sum())
        / r.commands().values().stream().skip(1).limit(2).mapToDouble(t -> t.clips).sum();
    out.printf(Locale.ROOT, "Targets: correct at 10 dB ≥ %.0f%%: %s (%.1f%%); false commands ≤ %.0f per hour: %s "
        + "(%.1f; %.1f as in a session)%n", 100 * TARGET_CORRECT, at10 >= TARGET_CORRECT ? "reached" : "NOT reached",
        100 * at10, TARGET_FALSE_PER_HOUR, r.falsePerHour() <= TARGET_FALSE_PER_HOUR ? "reached" : "NOT reached",
        r.falsePerHour(), r.falsePerHourInSession());
    if (showMisses) {
      r.commands().forEach((c, t) -> t.misses.forEach(m -> out.println("missed (" + c.name() + "): " + m)));
      r.falseCommands().forEach(f -> out.println("false command: " + f));
      r.falseInBargeIn().forEach(f -> out.println("false command while the device speaks: " + f));
    }
  }
}
