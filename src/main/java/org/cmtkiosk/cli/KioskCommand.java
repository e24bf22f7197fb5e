package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.cmtkiosk.App;
import org.cmtkiosk.journal.IoProblems;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.Source;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.LedMode;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.session.KioskFlow;
import org.cmtkiosk.session.KioskSettings;
import org.cmtkiosk.session.Offering;
import org.cmtkiosk.session.LiveSession;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.cmtkiosk.pacer.LedMode;

/** The always-on kiosk: waits for "start", a button press or a key, and guides one person at a time. */
@picocli.CommandLine.Command(name = "kiosk", description = {"Run the always-on kiosk (for the systemd service).",
    "Start a session with Enter (--keyboard), the button, or by saying 'start'."},
    footer = {"%nExamples:", "  cmt-kiosk kiosk --keyboard   (try it on a laptop: Enter starts, h helps, s stops)",
        "  cmt-kiosk kiosk --config /etc/cmt-kiosk/cmt-kiosk.yaml   (as the service runs it)"})
public final class KioskCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--keyboard", description = "Control the kiosk with single keys (Enter starts, h helps...).")
  boolean keyboard;

  @Option(names = "--mic-file", paramLabel = "FILE.wav", description = "Use a WAV file as the microphone.")
  Path micFile;

  @Option(names = "--led", paramLabel = "MODE", description = "Breathing LED: auto (PWM on a Raspberry Pi, none "
      + "elsewhere), pwm, digital, console (a bar in this terminal) or none (default: led.mode, which is auto).")
  LedMode led;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter err = spec.commandLine().getErr();
    Consumer<String> log = Lines.to(err);
    app.library().problems().forEach(p -> log.accept("Script problem (practice not offered): " + p));
    Offering offering = Offering.of(app.library().practices(), app.config().kiosk().offer());
    offering.notes().forEach(note -> log.accept("Offer: " + note));
    if (offering.practices().isEmpty()) {
      log.accept("No practice can be offered: check practices.directory and the offer settings, and run "
          + "'validate'.");
      return 1;
    }
    if (app.config().kiosk().safety().helpLine().isBlank()) {
      log.accept("Safety: safety.help_line is not set, so the device says help is available from \""
          + KioskSettings.Safety.UNSET_HELP_LINE + "\" — set it to where help is at this site.");
    }
    JsonLinesJournal journal = app.openJournal(Source.KIOSK, note -> log.accept("Journal: " + note));
    Indicator indicator = app.indicator(led != null ? led : app.config().led().mode(), log);
    CountDownLatch quit = new CountDownLatch(1);
    try (LiveSession session = new LiveSession(app.liveParts(indicator, log), log,
        Lines.subtitles(spec.commandLine().getOut()))) {
      KioskFlow flow = new KioskFlow(app.config().kiosk(), offering, app.library().find("welcome").orElse(null),
          app.library().grounding().orElse(null), app.vocabulary(), session, Clock.systemDefaultZone(),
          journal);
      session.drive(flow, LiveInputs.of(app, keyboard, micFile, log));
      session.every(Duration.ofHours(1), "journal retention", () -> retention(app, journal, log));
      session.every(Duration.ofMinutes(1), "journal writing", journal::flush);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          session.postAndWait("shutting down", flow::shutdown, Duration.ofSeconds(2));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        session.close();
        quit.countDown();
      }, "kiosk-shutdown"));
      if (keyboard) {
        log.accept(KeyboardCommands.HELP);
      }
      log.accept("Kiosk ready with " + offering.practices().size() + " practices. " + (keyboard
          ? "Press Enter to start a session, h for help, s to stop, g for grounding. " : "")
          + "Say 'start' or press the button to begin; Ctrl-C quits.");
      quit.await();
    }
    return 0;
  }

  private static LocalDate lastRetention;

  /** Once a day: deletes journal records older than journal.retention_days. */
  private static synchronized void retention(App app, JsonLinesJournal journal, Consumer<String> log) {
    LocalDate today = LocalDate.now();
    if (today.equals(lastRetention)) {
      return;
    }
    lastRetention = today;
    try {
      int deleted = journal.deleteOlderThan(java.time.Instant.now()
          .minus(Duration.ofDays(app.config().retentionDays())));
      if (deleted > 0) {
        log.accept("Journal: deleted " + deleted + " line(s) older than " + app.config().retentionDays()
            + " days.");
      }
    } catch (java.io.IOException e) {
      log.accept("Journal: could not apply retention to " + journal.file() + " (" + IoProblems.reason(e)
          + "); will try again in an hour.");
      lastRetention = null;
    }
  }
}
