package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.cmtkiosk.App;
import org.cmtkiosk.Main;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.SoundCardOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.PracticeRun;
import org.cmtkiosk.yaml.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Plays a practice live on the sound card (or writes it to a WAV file when there is none) and journals it. */
@Command(name = "practice", description = {"Play a practice on the sound card; Ctrl-C stops it gently.",
    "Without a sound card the practice is written to PRACTICE.wav in the current directory."})
public final class PracticeCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PRACTICE", description = "Practice id or spoken name, e.g. soothing-rhythm-breathing.")
  String name;

  @Option(names = "--fallback-dir", paramLabel = "DIR", defaultValue = ".",
      description = "Where to write PRACTICE.wav when there is no sound output (default: the current directory).")
  Path fallbackDir;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var chosen = Chosen.practice(app.library(), name, err);
    if (chosen.isEmpty()) {
      return 1;
    }
    Practice practice = chosen.get();
    Timeline timeline = Prepared.timeline(app, practice);
    JsonLinesJournal.Opened journal = app.openJournal();
    journal.repairNote().ifPresent(note -> err.println("Journal: " + note));
    AudioOut audio = output(app, fallbackDir.resolve(practice.id() + ".wav").toAbsolutePath().normalize(), err);
    out.println((audio instanceof WavFileOut ? "Writing " : "Playing ") + practice.title() + " ("
        + DurationText.format(timeline.duration()) + ") " + (audio instanceof WavFileOut ? "to " : "on ")
        + audio.describe() + ". Ctrl-C stops it.");
    out.flush();
    PracticeRun run = new PracticeRun(practice, timeline, journal.journal(), Clock.systemUTC());
    Thread hook = new Thread(() -> stopAndWait(run), "stop-on-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    PracticeRun.Result result = run.run(audio);
    removeHook(hook);
    out.println("Session " + result.record().outcome().name().toLowerCase().replace('_', ' ') + "; recorded in "
        + journal.journal().file() + ".");
    if (audio instanceof WavFileOut wav) {
      out.println("The practice is in " + wav.describe() + "; play it with any audio player.");
    }
    result.journalProblem().ifPresent(p -> err.println("Journal: " + p));
    return 0;
  }

  private static AudioOut output(App app, Path file, PrintWriter err) {
    try {
      return SoundCardOut.open(app.config().audio());
    } catch (AudioUnavailableException e) {
      err.println("No sound output: " + e.getMessage() + ". Writing the practice to " + file + " instead.");
      return new WavFileOut(file);
    }
  }

  private static void stopAndWait(PracticeRun run) {
    run.stop();
    try {
      run.awaitFinished(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C arrived as the practice ended; the hook is already running.
    }
  }
}
