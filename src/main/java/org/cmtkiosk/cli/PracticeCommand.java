package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.PlaybackLight;
import org.cmtkiosk.audio.SoundCardOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.journal.Journal;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.Recording;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.Source;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.LedMode;
import org.cmtkiosk.pacer.PacerLoop;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.KioskFlow;
import org.cmtkiosk.session.LiveSession;
import org.cmtkiosk.session.Offering;
import org.cmtkiosk.session.PracticeRun;
import org.cmtkiosk.session.SessionLog;
import org.cmtkiosk.yaml.DurationText;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Plays a practice live through the same live session and flow as the kiosk (stop, grounding, check-in and closing
 * behave as there), or writes it to a WAV file when there is no sound card, and journals it.
 */
@picocli.CommandLine.Command(name = "practice", description = {"Play a practice on the sound card; Ctrl-C stops it gently.",
    "Without a sound card the practice is written to PRACTICE.wav in the current directory."},
    footer = {"%nExamples:", "  cmt-kiosk practice breathing --keyboard   (space pauses, s stops, g grounds)",
        "  cmt-kiosk practice grounding --led console",
        "  cmt-kiosk practice soothing-rhythm-short --mic-file stop.wav"})
public final class PracticeCommand implements Callable<Integer> {
  /** Exit code of a session that ended in an error (e.g. the sound output was lost and never came back). */
  public static final int SESSION_ERROR = 5;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PRACTICE", description = "Practice id or spoken name, e.g. soothing-rhythm-breathing.")
  String name;

  @OutputPath(folder = true)
  @Option(names = "--fallback-dir", paramLabel = "DIR", defaultValue = ".",
      description = "Where to write PRACTICE.wav when there is no sound output (default: the current directory).")
  Path fallbackDir;

  @Option(names = "--led", paramLabel = "MODE",
      description = "Breathing LED: auto (PWM on a Raspberry Pi, none elsewhere), pwm, digital, console (a bar in "
          + "this terminal) or none (default: led.mode, which is auto).")
  LedMode led;

  @Option(names = "--keyboard", description = "Control the practice with single keys (space pauses, s stops...).")
  boolean keyboard;

  @Option(names = "--mic-file", paramLabel = "FILE.wav",
      description = "Use a WAV file (any format) as the microphone, in real time, for tests and diagnosis.")
  Path micFile;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log = Lines.to(err);
    var chosen = Chosen.practice(app.library(), name, err);
    if (chosen.isEmpty()) {
      return 1;
    }
    Practice practice = chosen.get();
    Timeline timeline = Prepared.liveTimeline(app, practice);
    JsonLinesJournal journal = app.openJournal(Source.PRACTICE, note -> log.accept("Journal: " + note));
    Indicator indicator = app.indicator(led != null ? led : app.config().led().mode(), log);
    try {
      SoundCardOut.check(app.config().audio());
    } catch (AudioUnavailableException e) {
      Path file = fallbackDir.resolve(practice.id() + ".wav").toAbsolutePath().normalize();
      log.accept("No sound output: " + e.getMessage() + ". Writing the practice to " + file
          + (indicator != Indicator.NONE ? " in real time, so the LED can be followed," : "") + " instead.");
      return toWav(app, practice, timeline, new WavFileOut(file, indicator != Indicator.NONE, System::nanoTime),
          indicator, journal, out, err);
    }
    out.println("Playing " + practice.title() + " (" + DurationText.format(timeline.duration())
        + ") on the sound card. Ctrl-C stops it.");
    out.flush();
    if (keyboard) {
      log.accept(KeyboardCommands.HELP);
    }
    return live(app, practice, indicator, journal, log, out, err);
  }

  /** Through the kiosk's own live session and flow, started straight into the practice. */
  private int live(App app, Practice practice, Indicator indicator, JsonLinesJournal journal,
      Consumer<String> log, PrintWriter out, PrintWriter err) throws InterruptedException {
    List<SessionRecord> records = new ArrayList<>();
    List<String> journalled = new ArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    CountDownLatch reported = new CountDownLatch(1);
    try (LiveSession session = new LiveSession(app.liveParts(indicator, log), log, Lines.subtitles(out))
        .silentWithoutOutput(false)) {
      KioskFlow flow = new KioskFlow(app.config().kiosk(), Offering.of(app.library().practices(),
          app.config().kiosk().offer()), null, app.library().grounding().orElse(null), app.vocabulary(), session,
          Clock.systemDefaultZone(),
          Journal.notifying(journal, (record, written) -> {
            journalled.add(recorded(journal, written));
            records.add(record);
            ended.countDown();
          }));
      session.drive(flow, LiveInputs.of(app, keyboard, micFile, log));
      Thread hook = new Thread(() -> {
        try {
          session.postAndWait("stopping on Ctrl-C", flow::shutdown, Duration.ofSeconds(2));
          ended.await(2, TimeUnit.SECONDS);
          reported.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stop-on-ctrl-c");
      Runtime.getRuntime().addShutdownHook(hook);
      session.post("starting " + practice.id(), () -> flow.startPractice(practice));
      ended.await();
      removeHook(hook);
    }
    int exit = summary(records, journalled, out);
    reported.countDown();
    return exit;
  }

  private static int summary(List<SessionRecord> records, List<String> journalled, PrintWriter out) {
    if (records.isEmpty()) {
      return 0;
    }
    SessionRecord r = records.get(0);
    boolean error = r.practices().stream().anyMatch(p -> p.outcome() == Outcome.ERROR);
    String outcomes = r.practices().stream().map(p -> p.practiceId() + " " + outcomeText(p.outcome()))
        .reduce((a, b) -> a + ", then " + b).orElse("nothing played");
    out.println("Session: " + outcomes + journalled.get(0) + ".");
    out.flush();
    return error ? SESSION_ERROR : 0;
  }

  private static String outcomeText(Outcome outcome) {
    return outcome.name().toLowerCase().replace('_', ' ');
  }

  /** No sound card: the practice is written to a WAV file (the LED follows it), and journalled. */
  private static int toWav(App app, Practice practice, Timeline timeline, WavFileOut wav, Indicator indicator,
      JsonLinesJournal journal, PrintWriter out, PrintWriter err) {
    out.println("Writing " + practice.title() + " (" + DurationText.format(timeline.duration()) + ") to "
        + wav.describe() + ". Ctrl-C stops it.");
    out.flush();
    PracticeRun run = new PracticeRun(practice, timeline);
    SessionLog log = new SessionLog(Clock.systemUTC());
    Recording recording = journal.begin(Instant.now());
    recording.practiceBegins(practice.id(), recording.start());
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(run, reported), "stop-on-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    PracticeRun.Result result;
    try (PacerLoop loop = new PacerLoop(indicator, new PlaybackLight(run.stream(), wav::framesHeard),
        System::nanoTime).start()) {
      result = run.run(wav);
    }
    log.practice(result);
    String journalled = recorded(journal, recording.end(log.record(Clock.systemUTC())));
    removeHook(hook);
    result.failure().ifPresent(e -> err.println("Could not write the WAV file: " + e.getMessage()));
    out.println("Session " + outcomeText(result.done().outcome()) + journalled + ".");
    out.println("The practice is in " + wav.describe() + "; play it with any audio player.");
    out.flush();
    reported.countDown();
    return result.done().outcome() == Outcome.ERROR ? SESSION_ERROR : 0;
  }

  /** The end of the summary line: where the session was recorded, or that it could not be (said above). */
  private static String recorded(JsonLinesJournal journal, boolean written) {
    return written ? "; recorded in " + journal.file() : " (not recorded: the journal could not be written)";
  }

  /** On Ctrl-C: fade out, and let the journal record and the summary be written before the JVM exits. */
  private static void stopAndWait(PracticeRun run, CountDownLatch reported) {
    run.stop();
    try {
      run.awaitFinished(Duration.ofSeconds(2));
      reported.await(1, TimeUnit.SECONDS);
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
