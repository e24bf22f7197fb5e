package org.cmtkiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.Chime;
import org.cmtkiosk.audio.JavaSoundLine;
import org.cmtkiosk.audio.SoundDevices;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.pcm.Levels;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.config.ConfigException;
import org.cmtkiosk.config.ConfigLoader;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.gpio.Board;
import org.cmtkiosk.gpio.Pi4jGpio;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.listen.JavaSoundMic;
import org.cmtkiosk.listen.MicSource;
import org.cmtkiosk.listen.VoiceUnavailableException;
import org.cmtkiosk.listen.Engines;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.MarySpeaker;
import org.cmtkiosk.speech.SpeechException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import org.cmtkiosk.pacer.LedMode;

/** Checks everything the kiosk needs and prints one line each: OK, or PROBLEM with the fix. */
@Command(name = "doctor", description = "Check Java, config, practices and the safety landing, speech, sound, "
    + "microphone, voice model, GPIO, journal and disk; exit non-zero on any problem.",
    footer = {"%nExamples:", "  cmt-kiosk doctor", "  cmt-kiosk doctor --sound   (also plays a quiet chime)"})
public final class DoctorCommand implements Callable<Integer> {
  /** How long the microphone may take to deliver its first audio, and how much of it is measured (2 s). */
  private static final Duration MIC_WAIT = Duration.ofSeconds(5);
  /** The longest the test chime may take to be taken by the device (it lasts under two seconds). */
  private static final Duration PLAY_WAIT = Duration.ofSeconds(8);
  private static final long MIC_SAMPLES = (long) (2 * MicSource.FORMAT.getSampleRate());

  /** Below this much free space the speech cache or the journal may fill the disk. */
  static final long MIN_FREE_BYTES = 200L * 1024 * 1024;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--sound", description = "Also play a short test chime on the sound output it would use.")
  boolean sound;

  /** The clock the clock checks read (tests replace it). */
  Clock clock = Clock.systemUTC();

  /** One check's result. */
  record Check(String what, boolean ok, String detail, String fix) {
    /** A failed check from a message written as "what is wrong — how to fix it". */
    static Check problem(String what, String message, String defaultFix) {
      int dash = message.indexOf(" — ");
      return dash < 0 ? new Check(what, false, message, defaultFix)
          : new Check(what, false, message.substring(0, dash), message.substring(dash + 3));
    }

    String line() {
      return ok ? String.format(Locale.ROOT, "OK       %-22s %s", what, detail)
          : String.format(Locale.ROOT, "PROBLEM  %-22s %s — %s", what, detail, fix);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Check> checks = new ArrayList<>();
    checks.add(java());
    KioskConfig config;
    try {
      config = ConfigLoader.load(main.configPath());
      checks.add(new Check("config", true, config.source() == null ? "built-in defaults" : config.source().toString(),
          ""));
    } catch (ConfigException e) {
      checks.add(new Check("config", false, e.problems().size() + " problem(s), first: " + e.problems().get(0),
          "fix the lines listed by 'validate' and the config file"));
      checks.forEach(c -> out.println(c.line()));
      return 1;
    }
    App app = new App(config);
    checks.add(practices(app));
    checks.add(app.library().safetyLandingProblem().map(p -> new Check("safety landing", false, p.what(), p.fix()))
        .orElse(new Check("safety landing", true, "the grounding practice is valid", "")));
    checks.add(helpLine(config));
    checks.add(cache(app));
    checks.add(voice(config));
    checks.add(soundOutput(config));
    checks.add(microphone(config));
    checks.add(vosk(config));
    checks.addAll(gpio(app, config));
    checks.add(journal(config));
    checks.add(soundHistory(config.journalDirectory().resolve(JsonLinesJournal.FILE_NAME), java.time.Instant.now()));
    checks.add(disk(config));
    checks.addAll(clock(config));
    checks.forEach(c -> out.println(c.line()));
    long problems = checks.stream().filter(c -> !c.ok()).count();
    out.println(problems == 0 ? "All " + checks.size() + " checks passed." : problems + " problem(s) found.");
    return problems == 0 ? 0 : 1;
  }

  private static Check java() {
    int version = Runtime.version().feature();
    return new Check("java", version >= 17, "Java " + Runtime.version(), "install Java 17 or newer "
        + "(sudo apt install default-jre-headless)");
  }

  /** The clock against the build and the journal, and what keeps it across power cuts (one line each). */
  private List<Check> clock(KioskConfig config) {
    Instant now = clock.instant();
    Check journal;
    try {
      journal = ClockChecks.againstJournal(now, ClockChecks.lastRecord(config.journalDirectory()
          .resolve(JsonLinesJournal.FILE_NAME)));
    } catch (IOException e) {
      journal = new Check("clock vs journal", false, "cannot read the journal (" + e.getMessage() + ")",
          "run doctor as the service user: sudo -u cmt-kiosk cmt-kiosk doctor");
    }
    return List.of(ClockChecks.againstBuild(now, ClockChecks.buildTime()), journal,
        ClockChecks.keeper(ClockChecks.hasRealTimeClock(), ClockChecks.hasFakeHwclock()));
  }

  private static Check practices(App app) {
    int valid = app.library().practices().size();
    int broken = (int) app.library().problems().stream().map(p -> p.file()).distinct().count();
    Path site = app.config().siteScriptsDirectory();
    return new Check("practices", broken == 0 && valid > 0, valid + " valid, " + broken + " with problems in "
        + app.config().scriptsDirectory() + (site == null ? "" : " and " + site),
        "run 'validate' and fix the files it names");
  }

  private static Check cache(App app) {
    long total = 0;
    long missing = 0;
    for (Practice p : app.library().practices()) {
      for (String s : TimelineBuilder.sentences(p)) {
        total++;
        missing += app.speechCache().contains(s) ? 0 : 1;
      }
    }
    return new Check("speech cache", missing == 0, (total - missing) + " of " + total + " sentences ready in "
        + app.speechCache().directory(), "run 'prepare' (as the service user) so sessions never wait for MaryTTS");
  }

  private static Check voice(KioskConfig config) {
    try {
      MarySpeaker mary = new MarySpeaker(config.speech());
      mary.speak("Hello.");
      return new Check("speech voice", true, config.speech().voice() + " (MaryTTS started in "
          + mary.startupTime().toMillis() + " ms)", "");
    } catch (SpeechException e) {
      return new Check("speech voice", false, e.getMessage(), "reinstall cmt-kiosk so lib/ holds the MaryTTS jars");
    }
  }

  private Check soundOutput(KioskConfig config) {
    String device = SoundDevices.chosen(SoundDevices.outputs(TimelineStream.FORMAT), config.audio().device())
        .map(d -> d.name() + d.card().map(c -> " = " + c).orElse("")).orElse("the default sound card");
    try {
      JavaSoundLine line = JavaSoundLine.open(config.audio());
      try {
        if (sound && !play(line, WavFiles.toPcm16(Chime.synthesise(config.chime().levelDbfs()).samples()))) {
          return new Check("sound output", false, device + " stopped taking audio while playing the chime",
              "check the speaker's cable and power, then run doctor --sound again");
        }
      } finally {
        line.close();
      }
      return new Check("sound output", true, device + (sound ? "; played a chime: heard nothing? check the volume "
          + "(alsamixer) and 'cmt-kiosk devices'" : "; add --sound to hear a test chime"), "");
    } catch (IllegalStateException e) {
      return new Check("sound output", false, device + " closed while playing (" + e.getMessage() + ")",
          "check the speaker's cable and power, then run doctor --sound again");
    } catch (AudioUnavailableException e) {
      return Check.problem("sound output", e.getMessage(), "connect speakers, or set audio.device ('cmt-kiosk "
          + "devices' lists the names)");
    }
  }

  /**
   * Fills the line's buffer, starts it (so it never begins with an underrun), writes the rest and waits; false if
   * the device stopped taking audio within a few seconds.
   */
  private static boolean play(JavaSoundLine line, byte[] pcm) {
    long deadline = System.nanoTime() + PLAY_WAIT.toNanos();
    int written = line.write(pcm, 0, Math.min(pcm.length, line.available()));
    line.start();
    while (written < pcm.length && System.nanoTime() < deadline) {
      written += line.write(pcm, written, pcm.length - written);
    }
    if (written < pcm.length) {
      return false;
    }
    line.drain();
    return true;
  }

  private static Check microphone(KioskConfig config) {
    // Written by the microphone's own thread while this one reads it.
    List<String> log = new CopyOnWriteArrayList<>();
    JavaSoundMic mic = new JavaSoundMic(config.voice().microphone(), log::add);
    try {
      // A sound server (PulseAudio, PipeWire) may take two seconds to deliver the first audio.
      long end = System.nanoTime() + MIC_WAIT.toNanos();
      double sum = 0;
      long n = 0;
      while (System.nanoTime() < end && log.isEmpty() && n < MIC_SAMPLES) {
        byte[] chunk = mic.next(Duration.ofMillis(200)).pcm();
        for (int i = 0; chunk != null && i + 1 < chunk.length; i += 2) {
          double v = (short) ((chunk[i + 1] << 8) | (chunk[i] & 0xff)) / 32768.0;
          sum += v * v;
          n++;
        }
      }
      if (!log.isEmpty() || n == 0) {
        return Check.problem("microphone", log.isEmpty() ? "no audio in " + MIC_WAIT.toSeconds() + " s"
            : log.get(0).replaceFirst(
            "; voice control is paused.*", ""), "plug in the USB microphone, or set voice.microphone");
      }
      double db = Levels.toDb(Math.sqrt(sum / n));
      return new Check("microphone", db > -80, String.format(Locale.ROOT, "level %.0f dBFS over %.1f s", db,
          n / MicSource.FORMAT.getSampleRate()),
          "the microphone gives silence: check it is not muted (alsamixer)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check("microphone", false, "interrupted", "run doctor again");
    } finally {
      mic.close();
    }
  }

  private static Check vosk(KioskConfig config) {
    if (!config.voice().enabled()) {
      return new Check("voice engine", true, "off (voice.engine)", "");
    }
    try {
      return new Check("voice engine", true, Engines.of(config.voice(), s -> { }).name(), "");
    } catch (VoiceUnavailableException e) {
      return Check.problem("voice engine", e.getMessage(), "see README, Voice commands");
    }
  }

  private static List<Check> gpio(App app, KioskConfig config) {
    List<Check> checks = new ArrayList<>();
    // Pi4J may report from its own threads, so each part gets its own thread-safe list.
    List<String> log = new CopyOnWriteArrayList<>();
    List<String> buttonLog = new CopyOnWriteArrayList<>();
    LedMode mode = config.led().mode();
    if (mode == LedMode.NONE || mode == LedMode.CONSOLE
        || (mode == LedMode.AUTO && !Board.isRaspberryPi())) {
      checks.add(new Check("LED", true, "not used here (led.mode " + mode.name().toLowerCase(Locale.ROOT)
          + (Board.isRaspberryPi() ? "" : ", not a Raspberry Pi") + ")", ""));
    } else {
      Indicator led = app.indicator(mode, log::add);
      led.close();
      checks.add(log.isEmpty() ? new Check("LED", true, "GPIO" + config.led().pin() + " "
          + mode.name().toLowerCase(Locale.ROOT), "") : Check.problem("LED", log.get(0), "see README, Wiring"));
    }
    if (!config.button().enabled()) {
      checks.add(new Check("button", true, "not used (button.enabled is false"
          + (Board.isRaspberryPi() ? "" : ", not a Raspberry Pi") + ")", ""));
    } else {
      try (AutoCloseable b = Pi4jGpio.openButton(config.button().pin(), new ButtonGestures(g -> { }),
          buttonLog::add)) {
        checks.add(buttonLog.isEmpty() ? new Check("button", true, "GPIO" + config.button().pin(), "")
            : Check.problem("button", buttonLog.get(0), "see README, Wiring the button"));
      } catch (Exception e) {
        checks.add(new Check("button", false, e.getMessage(), "check the wiring"));
      }
    }
    return checks;
  }

  /** Where the device tells people help is: a site must say it (safety.help_line). */
  private static Check helpLine(KioskConfig config) {
    String line = config.kiosk().safety().helpLine();
    return new Check("help line", !line.isBlank(), line.isBlank() ? "safety.help_line is not set, so the device says "
        + "help is available from \"" + org.cmtkiosk.session.KioskSettings.Safety.UNSET_HELP_LINE + "\""
        : "help is available from \"" + line.strip() + "\"", "set safety.help_line in the config to where help is"
        + " at this site, e.g. \"the nurse in charge\"");
  }

  /** Underruns and lost sound in the last week's sessions, as journalled: gaps a listener heard. */
  static Check soundHistory(Path file, java.time.Instant now) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      return new Check("sound history", true, "no sessions journalled yet", "");
    }
    java.time.Instant since = now.minus(java.time.Duration.ofDays(7));
    int sessions = 0;
    int withGaps = 0;
    int underruns = 0;
    double lostSeconds = 0;
    try (org.cmtkiosk.journal.JournalSessions all = org.cmtkiosk.journal.JournalSessions.open(file, p -> { })) {
      for (var s = all.next(); s != null; s = all.next()) {
        var r = s.session();
        if (r.start() == null || r.start().isBefore(since)) {
          continue;
        }
        sessions++;
        int u = r.underruns() == null ? 0 : r.underruns();
        double lost = r.soundLostSeconds() == null ? 0 : r.soundLostSeconds();
        underruns += u;
        lostSeconds += lost;
        withGaps += u > 0 || lost > 0 ? 1 : 0;
      }
    } catch (java.io.IOException e) {
      return new Check("sound history", false, "cannot read " + file + " (" + e.getMessage() + ")",
          "check that this user may read the journal");
    }
    String detail = String.format(java.util.Locale.ROOT, "%d underrun(s) and %.0f s of lost sound in %d of %d "
        + "session(s) in the last 7 days", underruns, lostSeconds, withGaps, sessions);
    return new Check("sound history", underruns == 0, detail, "the speaker ran dry while the machine was busy: "
        + "raise audio.buffer (e.g. 500ms), keep the service's Nice=-10, and move other work off this machine");
  }

  private static Check journal(KioskConfig config) {
    Path dir = config.journalDirectory();
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".doctor", ".tmp");
      Files.delete(probe);
      return new Check("journal", true, dir + " is writable", "");
    } catch (IOException e) {
      return new Check("journal", false, dir + " is not writable (" + e.getMessage() + ")",
          "create it and give it to the service user (the installer does this)");
    }
  }

  private static Check disk(KioskConfig config) {
    try {
      Path dir = config.journalDirectory();
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      long free = Files.getFileStore(existing == null ? Path.of("/") : existing).getUsableSpace();
      return new Check("disk space", free >= MIN_FREE_BYTES, free / (1024 * 1024) + " MiB free for the journal",
          "free some space: at least " + MIN_FREE_BYTES / (1024 * 1024) + " MiB is needed for cache and journal");
    } catch (IOException e) {
      return new Check("disk space", false, e.getMessage(), "check the journal directory's disk");
    }
  }

}
