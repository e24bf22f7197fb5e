package org.cmtkiosk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.cmtkiosk.App;
import org.cmtkiosk.pcm.Resampling;
import org.cmtkiosk.audio.LayoutSettings;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.audio.ToneSettings;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.practice.Practice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How clearly the practices are spoken, as a figure: each practice is rendered with the real voice exactly as a
 * listener hears it, an independent recogniser (PocketSphinx from Debian) transcribes it, and the word error rate
 * against the script's words is printed per practice.
 */
@Command(name = "intelligibility", description = "Render every practice with the real voice, transcribe it with "
    + "PocketSphinx (Debian package pocketsphinx) and print the word error rate per practice (target <= 0.12).")
public final class IntelligibilityCommand implements Callable<Integer> {
  /** The word error rate every practice should reach: calm speech at least as clear as neutral speech. */
  static final double TARGET = 0.12;
  private static final float RECOGNISER_RATE_HZ = 16_000f;

  @ParentCommand
  BenchCommand bench;

  @Spec
  CommandSpec spec;

  @Option(names = "--practice", paramLabel = "ID", description = "Practice to score (repeatable; default: all).")
  List<String> practiceIds = List.of();

  @Option(names = "--without-tone",
      description = "Diagnostic only: render without the pacing tone, to see how much of the error the tone causes "
          + "(the figure that counts is the one with the tone, as a listener hears it).")
  boolean withoutTone;

  @Option(names = "--transcripts", paramLabel = "DIR",
      description = "Also write each practice's reference words, transcript and word errors to DIR/ID.txt.")
  Path transcripts;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    var recogniser = PocketSphinx.find();
    if (recogniser.isEmpty()) {
      err.println("PocketSphinx is not installed — " + PocketSphinx.INSTALL);
      return 1;
    }
    App app = bench.main.app();
    List<Practice> practices = chosen(app, err);
    if (practices.isEmpty()) {
      return 1;
    }
    List<String[]> rows = new ArrayList<>();
    WordErrorRate.Score total = new WordErrorRate.Score(0, 0, 0, 0);
    Path scratch = Files.createTempDirectory("cmt-kiosk-intelligibility");
    try {
      for (Practice p : practices) {
        err.println("Scoring " + p.id() + "...");
        WordErrorRate.Score score = score(app, p, recogniser.get(), scratch);
        total = total.plus(score);
        rows.add(row(p.id(), score));
      }
    } finally {
      deleteTree(scratch);
    }
    rows.add(row("all practices", total));
    print(recogniser.get(), rows, practices.size());
    return 0;
  }

  private List<Practice> chosen(App app, PrintWriter err) {
    if (practiceIds.isEmpty()) {
      return app.library().practices();
    }
    List<Practice> chosen = new ArrayList<>();
    for (String id : practiceIds) {
      var found = Chosen.practice(app.library(), id, err);
      if (found.isEmpty()) {
        return List.of();
      }
      chosen.add(found.get());
    }
    return chosen;
  }

  private WordErrorRate.Score score(App app, Practice p, PocketSphinx recogniser, Path scratch) throws Exception {
    Timeline timeline = withoutTone ? withoutTone(app).build(p, (done, total) -> { }) : Prepared.timeline(app, p);
    Path rendered = scratch.resolve(p.id() + ".wav");
    new WavFileOut(rendered).play(new TimelineStream(timeline));
    Path wav16k = scratch.resolve(p.id() + "-16k.wav");
    toRecogniserRate(rendered, wav16k);
    Files.delete(rendered);
    String heard = recogniser.transcribe(wav16k);
    Files.delete(wav16k);
    List<String> reference = WordErrorRate.words(String.join(" ", TimelineBuilder.sentences(p)));
    List<String> hypothesis = WordErrorRate.words(heard);
    if (transcripts != null) {
      writeTranscript(p, reference, hypothesis);
    }
    return WordErrorRate.score(reference, hypothesis);
  }

  private static TimelineBuilder withoutTone(App app) {
    LayoutSettings layout = app.config().layout();
    ToneSettings tone = layout.tone();
    return new TimelineBuilder(app.speaker(), new LayoutSettings(layout.speech(),
        new ToneSettings(false, tone.frequencyHz(), tone.levelDbfs()), layout.chime()));
  }

  /** The render resampled (band-limited, TarsosDSP) to the 16 kHz, 16-bit mono the recogniser's model expects. */
  static void toRecogniserRate(Path from, Path to) throws IOException {
    WavFiles.Mono mono = WavFiles.readMono(from);
    float[] samples = Resampling.resample(mono.samples(), mono.rateHz(), RECOGNISER_RATE_HZ);
    AudioFormat format = new AudioFormat(RECOGNISER_RATE_HZ, 16, 1, true, false);
    WavFiles.write(new AudioInputStream(new ByteArrayInputStream(WavFiles.toPcm16(samples)), format,
        samples.length), to);
  }

  private void writeTranscript(Practice p, List<String> reference, List<String> hypothesis) throws IOException {
    Files.createDirectories(transcripts);
    Files.writeString(transcripts.resolve(p.id() + ".txt"), "SCRIPT: " + String.join(" ", reference)
        + "\n\nHEARD: " + String.join(" ", hypothesis) + "\n\nERRORS: "
        + String.join(" ", WordErrorRate.edits(reference, hypothesis)) + "\n");
  }

  private void print(PocketSphinx recogniser, List<String[]> rows, int practices) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Machine: " + BenchCommand.machine());
    out.println("Recogniser: " + recogniser.describe());
    if (withoutTone) {
      out.println("DIAGNOSTIC: rendered without the pacing tone; the figure that counts is the one with it.");
    }
    out.printf("| %-28s | %6s | %6s | %5s | %5s | %5s | %s |%n", "practice", "words", "WER", "sub", "del", "ins",
        "target " + TARGET);
    out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(8), "-".repeat(8), "-".repeat(7),
        "-".repeat(7), "-".repeat(7), "-".repeat(13));
    rows.forEach(r -> out.printf("| %-28s | %6s | %6s | %5s | %5s | %5s | %-11s |%n", (Object[]) r));
    long above = rows.stream().limit(practices).filter(r -> r[6].equals("above")).count();
    out.println(above + " of " + practices + " practice(s) above the target word error rate of " + TARGET + ".");
  }

  private static String[] row(String name, WordErrorRate.Score s) {
    return new String[] {name, String.valueOf(s.referenceWords()), String.format(Locale.ROOT, "%.3f", s.rate()),
        String.valueOf(s.substitutions()), String.valueOf(s.deletions()), String.valueOf(s.insertions()),
        s.rate() <= TARGET ? "met" : "above"};
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
