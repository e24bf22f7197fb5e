package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cmtkiosk.App;
import org.cmtkiosk.Main;
import org.cmtkiosk.gpio.Pi4jGpio;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.WavFileMic;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.KioskFlow;
import org.cmtkiosk.session.LiveStage;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.cmtkiosk.pacer.LedMode;

/** The always-on kiosk: waits for "start", a button press or a key, and guides one person at a time. */
@picocli.CommandLine.Command(name = "kiosk", description = {"Run the always-on kiosk (for the systemd service).",
    "Start a session with Enter (--keyboard), the button, or by saying 'start'."})
public final class KioskCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--keyboard", description = "Control the kiosk with single keys (Enter starts, h helps...).")
  boolean keyboard;

  @Option(names = "--mic-file", paramLabel = "FILE.wav", description = "Use a WAV file as the microphone.")
  Path micFile;

  @Option(names = "--led", paramLabel = "MODE", description = "auto, pwm, digital, console or none.")
  LedMode led;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter err = spec.commandLine().getErr();
    app.library().problems().forEach(p -> err.println("Script problem (practice not offered): " + p));
    List<Practice> offered = offered(app);
    if (offered.isEmpty()) {
      err.println("No practice can be offered: check practices.directory and kiosk.offer, and run 'validate'.");
      return 1;
    }
    JsonLinesJournal.Opened journal = app.openJournal();
    journal.repairNote().ifPresent(note -> err.println("Journal: " + note));
    CountDownLatch quit = new CountDownLatch(1);
    try (LiveStage stage = new LiveStage(app, app.indicator(led != null ? led : app.config().led().mode(),
        err::println), err::println)) {
      KioskFlow flow = new KioskFlow(app.config(), offered, app.library().find("welcome").orElse(null),
          app.library().find("grounding").orElse(null), app.vocabulary(), stage, Clock.systemDefaultZone(),
          record -> PracticeCommand.journal(journal.journal(), record, err));
      ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-timers");
        t.setDaemon(true);
        return t;
      });
      timers.scheduleAtFixedRate(flow::tick, 250, 250, TimeUnit.MILLISECONDS);
      timers.scheduleAtFixedRate(() -> retention(app, journal.journal(), err), 0, 1, TimeUnit.HOURS);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        flow.shutdown();
        quit.countDown();
      }, "kiosk-shutdown"));
      try (AutoCloseable keys = keyboard ? KeyboardCommands.start(flow::command) : () -> { };
          AutoCloseable voice = voice(app, flow, stage, err);
          AutoCloseable button = app.config().button().enabled() ? Pi4jGpio.openButton(app.config().button().pin(),
              new ButtonGestures(g -> flow.command(ButtonGestures.command(g, flow.state() == KioskFlow.State.IDLE))),
              err::println) : () -> { }) {
        err.println("Kiosk ready with " + offered.size() + " practices. " + (keyboard
            ? "Press Enter to start a session, h for help, s to stop. " : "")
            + "Say 'start' or press the button to begin; Ctrl-C quits.");
        err.flush();
        quit.await();
      } finally {
        timers.shutdownNow();
      }
    }
    return 0;
  }

  private static List<Practice> offered(App app) {
    List<String> ids = app.config().kiosk().offer();
    return app.library().practices().stream()
        .filter(p -> ids.isEmpty() ? !p.id().equals("welcome") && !p.id().equals("grounding") : ids.contains(p.id()))
        .filter(p -> p.target().compareTo(app.config().kiosk().longestPractice()) <= 0)
        .sorted((a, b) -> a.id().equals(app.config().kiosk().defaultPractice()) ? -1
            : b.id().equals(app.config().kiosk().defaultPractice()) ? 1 : 0)
        .toList();
  }

  private AutoCloseable voice(App app, KioskFlow flow, LiveStage stage, PrintWriter err) {
    try {
      return app.voice(micFile == null ? null : new WavFileMic(micFile, true), flow::context, stage::speaking,
          flow::heard, flow::confused, err::println);
    } catch (VoiceUnavailableException | java.io.IOException e) {
      err.println("Voice control is off: " + e.getMessage() + ". The button and keyboard still work.");
      return () -> { };
    }
  }

  private static LocalDate lastRetention;

  /** Once a day: deletes journal records older than journal.retention_days. */
  private static synchronized void retention(App app, JsonLinesJournal journal, PrintWriter err) {
    LocalDate today = LocalDate.now();
    if (today.equals(lastRetention)) {
      return;
    }
    lastRetention = today;
    try {
      int deleted = journal.deleteOlderThan(java.time.Instant.now()
          .minus(Duration.ofDays(app.config().retentionDays())));
      if (deleted > 0) {
        err.println("Journal: deleted " + deleted + " record(s) older than " + app.config().retentionDays()
            + " days.");
      }
    } catch (java.io.IOException e) {
      err.println("Journal: could not apply retention (" + e.getMessage() + "); will try again in an hour.");
      lastRetention = null;
    }
  }
}
