package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cmtkiosk.App;
import org.cmtkiosk.Main;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.SoundCardOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.journal.JsonLinesJournal;
import java.util.function.Consumer;
import org.cmtkiosk.audio.Chime;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.gpio.Pi4jGpio;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.listen.MicSource;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.WavFileMic;
import org.cmtkiosk.speech.SpeechException;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.PacerLoop;
import org.cmtkiosk.audio.PlaybackLight;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.PracticeControls;
import org.cmtkiosk.session.PracticeRun;
import org.cmtkiosk.session.SessionLog;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.yaml.DurationText;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.cmtkiosk.pacer.LedMode;

/** Plays a practice live on the sound card (or writes it to a WAV file when there is none) and journals it. */
@picocli.CommandLine.Command(name = "practice", description = {"Play a practice on the sound card; Ctrl-C stops it gently.",
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

  @Option(names = "--led", paramLabel = "MODE",
      description = "Breathing LED: pwm, digital, console (a bar in this terminal) or none (default: led.mode).")
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
    var chosen = Chosen.practice(app.library(), name, err);
    if (chosen.isEmpty()) {
      return 1;
    }
    Practice practice = chosen.get();
    Timeline timeline = Prepared.liveTimeline(app, practice);
    JsonLinesJournal.Opened journal = app.openJournal();
    journal.repairNote().ifPresent(note -> err.println("Journal: " + note));
    LedMode ledMode = led != null ? led : app.config().led().mode();
    Indicator indicator = app.indicator(ledMode, err::println);
    AudioOut audio = output(app, fallbackDir.resolve(practice.id() + ".wav").toAbsolutePath().normalize(),
        indicator != Indicator.NONE, err);
    out.println((audio instanceof WavFileOut ? "Writing " : "Playing ") + practice.title() + " ("
        + DurationText.format(timeline.duration()) + ") " + (audio instanceof WavFileOut ? "to " : "on ")
        + audio.describe() + ". Ctrl-C stops it.");
    out.flush();
    PracticeRun run = new PracticeRun(practice, timeline);
    SessionLog log = new SessionLog(Clock.systemUTC());
    PracticeControls controls = new PracticeControls(run, app.config().audio());
    PracticeRun.Result result;
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopAndWait(run, reported), "stop-on-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    Pcm heardYou = Chime.acknowledgement(app.config().chime().levelDbfs() - 8);
    Consumer<Command> act = command -> controls.handle(command).ifPresent(what -> {
      log.command(command);
      run.stream().playNow(heardYou);
      err.println("\r" + command.name().toLowerCase() + ": " + what);
    });
    try (AutoCloseable keys = keys(act, err); AutoCloseable voice = voice(app, run, audio, act, err);
        AutoCloseable button = button(app, act, err);
        PacerLoop loop = new PacerLoop(indicator, new PlaybackLight(run.stream(), audio::framesHeard),
            System::nanoTime).start()) {
      result = run.run(audio);
    }
    log.practice(result);
    String journalled = journal(journal.journal(), log.record(Clock.systemUTC()), err);
    removeHook(hook);
    result.failure().ifPresent(e -> err.println("Sound output failed: " + e.getMessage()));
    out.println("Session " + result.done().outcome().name().toLowerCase().replace('_', ' ') + journalled + ".");
    if (audio instanceof WavFileOut wav) {
      out.println("The practice is in " + wav.describe() + "; play it with any audio player.");
    }
    out.flush();
    reported.countDown();
    return 0;
  }

  /** Appends the record; a journal that cannot be written is reported in one line, and the session still ends. */
  static String journal(JsonLinesJournal journal, SessionRecord record, PrintWriter err) {
    try {
      journal.append(record);
      return "; recorded in " + journal.file();
    } catch (java.io.IOException e) {
      err.println("Journal: could not write the session to " + journal.file() + " (" + e.getMessage()
          + ") — check free disk space and that journal.directory is writable");
      return " (not recorded)";
    }
  }

  private AutoCloseable keys(Consumer<Command> act, PrintWriter err) throws java.io.IOException {
    if (!keyboard) {
      return () -> { };
    }
    err.println(KeyboardCommands.HELP);
    return KeyboardCommands.start(act);
  }

  /** Voice control during the practice; without a model or native library, says why and carries on without. */
  private AutoCloseable voice(App app, PracticeRun run, AudioOut audio, Consumer<Command> act, PrintWriter err) {
    try {
      MicSource mic = micFile == null ? null : new WavFileMic(micFile, true);
      return app.voice(mic, () -> Context.PRACTICE, () -> run.stream().soundingAt(audio.framesHeard()),
          heard -> {
            if (heard instanceof Heard.CommandHeard c) {
              act.accept(c.command());
            }
          },
          help -> say(app, run, help, err), err::println);
    } catch (VoiceUnavailableException | java.io.IOException e) {
      err.println("Voice control is off: " + e.getMessage() + ". The button and keyboard still work.");
      return () -> { };
    }
  }

  private static void say(App app, PracticeRun run, String sentence, PrintWriter err) {
    try {
      run.stream().interject(app.speaker().speak(sentence));
    } catch (SpeechException e) {
      err.println(sentence);
    }
  }

  private static AutoCloseable button(App app, Consumer<Command> act, PrintWriter err) {
    if (!app.config().button().enabled()) {
      return () -> { };
    }
    return Pi4jGpio.openButton(app.config().button().pin(),
        new ButtonGestures(g -> act.accept(ButtonGestures.command(g, false))), err::println);
  }

  private static AudioOut output(App app, Path file, boolean realTime, PrintWriter err) {
    try {
      return SoundCardOut.open(app.config().audio(), err::println);
    } catch (AudioUnavailableException e) {
      err.println("No sound output: " + e.getMessage() + ". Writing the practice to " + file
          + (realTime ? " in real time, so the LED can be followed," : "") + " instead.");
      return new WavFileOut(file, realTime, System::nanoTime);
    }
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
