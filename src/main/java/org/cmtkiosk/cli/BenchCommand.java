package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.CachedSpeaker;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Measures speech and rendering speed on this machine and prints a small table. */
@Command(name = "bench", subcommands = {VoiceBenchCommand.class, IntelligibilityCommand.class}, description = {
    "Measure speech, rendering, memory and LED pacing (real time).",
    "'bench voice' measures voice commands; 'bench intelligibility' the word error rate of every practice."},
    footer = {"%nExamples:", "  cmt-kiosk bench",
        "  cmt-kiosk bench --practice grounding --pacer-minutes 0   (skip the 5-minute LED block)",
        "  cmt-kiosk bench voice   (about 15 minutes; generates its labelled set on first use)",
        "  cmt-kiosk bench intelligibility   (word error rate of every practice, with PocketSphinx)"})
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--practice", defaultValue = "soothing-rhythm-breathing", paramLabel = "ID",
      description = "Practice to measure (default: ${DEFAULT-VALUE}).")
  String practiceId;

  @Option(names = "--pacer-minutes", defaultValue = "5", paramLabel = "N",
      description = "Length of the real-time LED pacing block to measure (default: ${DEFAULT-VALUE}; 0 skips it).")
  int pacerMinutes;

  @Override
  public Integer call() throws Exception {
    var app = main.app();
    var chosen = Chosen.practice(app.library(), practiceId, spec.commandLine().getErr());
    if (chosen.isEmpty()) {
      return 1;
    }
    Practice practice = chosen.get();
    KioskConfig config = app.config();
    Path scratch = Files.createTempDirectory("cmt-kiosk-bench");
    try {
      List<String[]> rows = new java.util.ArrayList<>(measure(practice, config, scratch));
      rows.add(row("Voice recognition", "see below", "run 'bench voice' (generates a labelled set, ~15 min)"));
      if (pacerMinutes > 0) {
        spec.commandLine().getErr().println("Measuring LED pacing in real time for " + pacerMinutes + " min...");
        List<PacerBench.Result> pacer = new PacerBench(Duration.ofMinutes(pacerMinutes)).run();
        rows.add(row("LED updates, deadline loop (ours)", String.format(Locale.ROOT, "%.2f ms",
            pacer.get(0).percentileMs(0.99)), "p99 jitter; " + pacer.get(0).describe()));
        rows.add(row("LED updates, naive sleep(20) loop", String.format(Locale.ROOT, "%.2f ms",
            pacer.get(1).percentileMs(0.99)), "p99 jitter; " + pacer.get(1).describe()));
      }
      print(machine(), rows);
    } finally {
      deleteTree(scratch);
    }
    return 0;
  }

  private List<String[]> measure(Practice practice, KioskConfig config, Path scratch) throws Exception {
    List<String> sentences = TimelineBuilder.sentences(practice).stream().distinct().toList();
    MarySpeaker mary = new MarySpeaker(config.speech());
    SpeechCache cache = new SpeechCache(scratch.resolve("cache"), config.speech().styleKey());
    long t0 = System.nanoTime();
    mary.speak("Hello.");
    Duration firstSentence = Duration.ofNanos(System.nanoTime() - t0);
    Duration startup = mary.startupTime();
    double synthSeconds = 0;
    double audioSeconds = 0;
    for (String s : sentences) {
      long t = System.nanoTime();
      Pcm pcm = mary.speak(s);
      synthSeconds += (System.nanoTime() - t) / 1e9;
      audioSeconds += pcm.length() / (double) Pcm.RATE_HZ;
      cache.put(s, pcm);
    }
    long t1 = System.nanoTime();
    CachedSpeaker warm = new CachedSpeaker(cache, () -> {
      throw new IllegalStateException("the cache should be warm");
    });
    Timeline timeline = new TimelineBuilder(warm, config.layout()).build(practice, (d, n) -> { });
    TimelineStream stream = new TimelineStream(timeline);
    stream.read(new byte[2]);
    Duration firstAudio = Duration.ofNanos(System.nanoTime() - t1);
    long t2 = System.nanoTime();
    Timeline again = new TimelineBuilder(warm, config.layout()).build(practice, (d, n) -> { });
    new WavFileOut(scratch.resolve("render.wav")).play(new TimelineStream(again));
    Duration render = Duration.ofNanos(System.nanoTime() - t2);
    System.gc();
    long heapMiB = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
    return List.of(
        row("MaryTTS start-up", ms(startup), "first use in a process, cache cold"),
        row("First sentence incl. start-up", ms(firstSentence), "\"Hello.\""),
        row("Synthesis real-time factor", String.format(Locale.ROOT, "%.3f", synthSeconds / audioSeconds),
            sentences.size() + " sentences, " + String.format(Locale.ROOT, "%.0f s", audioSeconds) + " of speech"),
        row("Cache hit: request to first audio", ms(firstAudio), "whole practice laid out from a warm cache"),
        row("Render whole practice (warm cache)", ms(render),
            String.format(Locale.ROOT, "%.0f s of audio to WAV", timeline.length() / (double) Pcm.RATE_HZ)),
        row("Java heap in use after GC", heapMiB + " MiB", "MaryTTS loaded, practice laid out"));
  }

  static long rssMiB() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  void print(String machine, List<String[]> rows) {
    var out = spec.commandLine().getOut();
    out.println("Machine: " + machine);
    out.printf("| %-36s | %10s | %s |%n", "measure", "value", "notes");
    out.printf("|%s|%s|%s|%n", "-".repeat(38), "-".repeat(12), "-".repeat(47));
    rows.forEach(r -> out.printf("| %-36s | %10s | %s |%n", r[0], r[1], r[2]));
  }

  static String[] row(String measure, String value, String notes) {
    return new String[] {measure, value, notes};
  }

  private static String ms(Duration d) {
    return d.toMillis() + " ms";
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException ignored) {
      // Not Linux; the architecture below still says something.
    }
    return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch")
        + ", Java " + System.getProperty("java.version") + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
