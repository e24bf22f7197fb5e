package org.cmtkiosk.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.PlaybackEvents;
import org.cmtkiosk.audio.RealTimeNullOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.breath.BreathCurve;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.audio.AudioSettings;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.LightPatterns;
import org.cmtkiosk.pacer.PacerLoop;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.Speaker;

/**
 * The one live session behind both {@code kiosk} and {@code practice}: the single owner of the audio thread, the LED
 * loop, the inputs (keys, voice, button), the timers and the stop signal. Everything a person does and everything
 * the audio thread finishes is queued onto one event thread, which alone drives the {@link KioskFlow}; the flow's
 * calls into this stage return at once (speech is synthesised and devices are opened on the audio thread). Every
 * task catches what it throws, logs it once with its context and recovers: a broken practice ends as an error, a
 * broken event puts the flow back to idle, a broken input is opened again — the kiosk never goes quiet and deaf.
 */
public final class LiveSession implements Stage, InputSink, AutoCloseable {
  /** How often the flow is given the time (menu offers, goodbyes, check-in and pause timeouts). */
  static final Duration TICK = Duration.ofMillis(250);
  /** How long after a failure an input is opened again. */
  static final Duration REOPEN_AFTER = Duration.ofSeconds(10);
  private volatile Duration reopenAfter = REOPEN_AFTER;

  /** What the session needs from the rest of the program; {@code App} builds the real parts, tests fake them. */
  public record Parts(TimelineBuilder timelines, Speaker speaker, Outputs outputs, Indicator indicator,
      PaceLimits pace, AudioSettings audio, double quietVolumeDb, double quietLedScale) {
    /** The volume a session starts at. */
    public double volumeDb() {
      return audio.volumeDb();
    }
  }

  /** Opens the sound output for one prompt or practice. */
  public interface Outputs {
    AudioOut open(PlaybackEvents events) throws AudioUnavailableException;
  }

  private final Parts parts;
  private final Consumer<String> log;
  private final Consumer<String> subtitles;
  private final ThreadGroup group = new ThreadGroup("cmt-kiosk-live");
  private final ExecutorService events = Executors.newSingleThreadExecutor(threads("kiosk-events", false));
  private final ExecutorService audio = Executors.newSingleThreadExecutor(threads("kiosk-audio", true));
  private final ExecutorService speechPrep = Executors.newSingleThreadExecutor(threads("kiosk-speech", false));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(threads("kiosk-timers", false));
  private final PacerLoop led;
  private final long started = System.nanoTime();
  private final AtomicLong generation = new AtomicLong();
  /** Makes "is this prompt still wanted" and "it is the one playing" one step, against {@link #hush}. */
  private final Object promptLock = new Object();
  /** What the speaker said when, for the recogniser's own-speech check. */
  private final org.cmtkiosk.listen.PlayedSpeech played = org.cmtkiosk.listen.PlayedSpeech.reported();
  private final SoundReport sound = new SoundReport();
  /** Sound lost, back and underruns: counted here, and told to the flow, which journals them with the visit. */
  private final PlaybackEvents playback = new PlaybackEvents() {
    @Override
    public void lost(String cause) {
      sound.lost(cause);
      toFlow("the sound output being lost", KioskFlow::soundLost);
    }

    @Override
    public void back(Duration after) {
      sound.back(after);
      toFlow("the sound output coming back", KioskFlow::soundBack);
    }

    @Override
    public void underrun(Duration gap) {
      sound.underrun(gap);
      if (!underrunLogged.getAndSet(true)) {
        log.accept("Sound underrun: the speaker ran out of audio for about " + gap.toMillis() + " ms because this "
            + "machine was too busy to feed it. Later ones are counted in the journal ('doctor' shows them); if "
            + "they recur, raise audio.buffer in the config or move other work off this machine.");
      }
      toFlow("an underrun", KioskFlow::underrun);
    }
  };
  private final java.util.Map<InputSink, AutoCloseable> openInputs = new java.util.LinkedHashMap<>();
  private volatile KioskFlow flow;
  private volatile boolean closing;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Light light = Light.IDLE;
  private volatile boolean quiet;
  private volatile TimelineStream current;
  private volatile TimelineStream prompt;
  private volatile AudioOut currentOut;
  private volatile PracticeRun run;
  private volatile PracticeControls controls;
  private volatile Outcome stopAs;
  private volatile boolean pauseAsked;
  private volatile PracticeSubtitles practiceSubtitles;
  private volatile boolean silentOutputLogged;
  private final java.util.concurrent.atomic.AtomicBoolean underrunLogged = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean realTimeRefusalLogged =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean silentWithoutOutput = true;

  public LiveSession(Parts parts, Consumer<String> log, Consumer<String> subtitles) {
    this.parts = parts;
    this.log = log;
    this.subtitles = subtitles;
    this.led = new PacerLoop(parts.indicator(), this::ledLevel, System::nanoTime, threads("pacer-led", true))
        .onFailure(e -> log.accept("The breathing light stopped working (" + e + "); practices go on without it."))
        .start();
  }

  /** Threads of this session; urgent ones (sound, the light) ask for real-time scheduling as they start. */
  private ThreadFactory threads(String name, boolean urgent) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Runnable body = urgent ? () -> {
        urgent();
        r.run();
      } : r;
      Thread t = new Thread(group, body, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
      t.setDaemon(true);
      return t;
    };
  }

  /** Makes the calling thread real-time; if that is refused, says so once (sound may then break up under load). */
  private void urgent() {
    org.cmtkiosk.audio.RealTimePriority.raiseCallingThread().ifPresent(why -> {
      if (!realTimeRefusalLogged.getAndSet(true)) {
        log.accept("Sound and the light run at ordinary priority (real-time scheduling " + why + "); on a busy "
            + "machine the sound may break up.");
      }
    });
  }

  /** How long after a failure an input is opened again (default {@link #REOPEN_AFTER}). */
  public LiveSession reopenAfter(Duration delay) {
    this.reopenAfter = delay;
    return this;
  }

  /** The group every thread of this session runs in (tests count them). */
  public ThreadGroup threadGroup() {
    return group;
  }


  /** Hands the session its flow, starts the timers and opens {@code inputs}; each input that can't open says why. */
  public void drive(KioskFlow flow, List<Input> inputs) {
    this.flow = flow;
    timers.scheduleAtFixedRate(() -> post("the kiosk timer", flow::tick), TICK.toMillis(), TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    inputs.forEach(this::open);
  }

  /** Runs {@code task} on the session's own timer thread every {@code period}, failures logged (e.g. retention). */
  public void every(Duration period, String what, Runnable task) {
    timers.scheduleAtFixedRate(() -> guarded(what, task).run(), 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void toFlow(String what, Consumer<KioskFlow> event) {
    KioskFlow f = flow;
    if (f != null) {
      post(what, () -> event.accept(f));
    }
  }

  /** Runs {@code task} on the event thread, where the flow lives; a failure puts the flow back to idle. */
  public void post(String what, Runnable task) {
    if (closing) {
      return;
    }
    try {
      events.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          log.accept("Kiosk: " + what + " failed (" + e + "); back to the start, still listening.");
          recover();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
      // The session is closing: nothing more to do.
    }
  }

  private void recover() {
    try {
      KioskFlow f = flow;
      if (f != null) {
        f.shutdown();
      }
    } catch (RuntimeException e) {
      log.accept("Kiosk: could not end the session cleanly (" + e + ").");
    }
  }

  /** Runs {@code what} on the event thread and waits for it (at most {@code timeout}); for shutdown. */
  public boolean postAndWait(String what, Runnable task, Duration timeout) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    post(what, () -> {
      try {
        task.run();
      } finally {
        done.countDown();
      }
    });
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.accept("Kiosk: " + what + " failed (" + e + ").");
      }
    };
  }

  // ---- inputs: everything a person does goes through the event thread

  private void open(Input input) {
    if (closing) {
      return;
    }
    try {
      Reopening sink = new Reopening(input);
      AutoCloseable handle = input.open(sink);
      synchronized (openInputs) {
        openInputs.put(sink, handle);
      }
    } catch (Exception e) {
      log.accept(capitalised(input.name()) + " is off: " + e.getMessage() + ". Everything else still works.");
    }
  }

  /** An input's sink that, when the input fails, closes it and opens it again a little later. */
  private final class Reopening implements InputSink {
    private final Input input;
    private boolean failed;

    Reopening(Input input) {
      this.input = input;
    }

    @Override
    public void command(Command command) {
      LiveSession.this.command(command);
    }

    @Override
    public void heard(Heard heard) {
      LiveSession.this.heard(heard);
    }

    @Override
    public void key(char key) {
      LiveSession.this.key(key);
    }

    @Override
    public void button(Gesture gesture) {
      LiveSession.this.button(gesture);
    }

    @Override
    public void confused(String whatYouCanSay) {
      LiveSession.this.confused(whatYouCanSay);
    }

    @Override
    public Context context() {
      return LiveSession.this.context();
    }

    @Override
    public boolean speaking() {
      return LiveSession.this.speaking();
    }

    @Override
    public org.cmtkiosk.listen.OwnSpeech ownSpeech() {
      return played;
    }

    @Override
    public synchronized void failed(Exception cause) {
      if (failed || closing) {
        return;
      }
      failed = true;
      log.accept(capitalised(input.name()) + " stopped working (" + cause.getMessage() + "); trying again in "
          + reopenAfter.toSeconds() + " s. Everything else still works.");
      closeInputOf(this);
      timers.schedule(() -> open(input), reopenAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void closeInputOf(InputSink sink) {
    AutoCloseable handle;
    synchronized (openInputs) {
      handle = openInputs.remove(sink);
    }
    closeQuietly(handle);
  }

  private void closeQuietly(AutoCloseable input) {
    if (input == null) {
      return;
    }
    try {
      input.close();
    } catch (Exception e) {
      log.accept("Could not close an input cleanly (" + e + ").");
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public void command(Command command) {
    post("the command '" + command + "'", () -> flow.command(command));
  }

  @Override
  public void heard(Heard heard) {
    post("what was heard", () -> flow.heard(heard));
  }

  @Override
  public void key(char key) {
    post("the key '" + key + "'", () -> flow.key(key));
  }

  @Override
  public void button(Gesture gesture) {
    post("the button", () -> flow.button(gesture));
  }

  @Override
  public void confused(String whatYouCanSay) {
    post("a misunderstanding", () -> flow.confused(whatYouCanSay));
  }

  @Override
  public Context context() {
    KioskFlow f = flow;
    return f == null ? Context.IDLE : f.context();
  }

  @Override
  public void failed(Exception cause) {
    log.accept("An input failed: " + cause.getMessage());
  }

  // ---- the stage: every call returns at once; the audio thread does the slow work

  @Override
  public void say(String text, Runnable done) {
    hush();
    PracticeRun r = run;
    if (r != null) {
      speechPrep.execute(() -> sayOver(r, text, done));
      return;
    }
    long mine = generation.get();
    audio.execute(() -> {
      try {
        if (mine == generation.get()) {
          TimelineStream stream = new TimelineStream(parts.timelines().speech(text));
          // Synthesis takes a while: a hush meanwhile (a stop as the prompt's subtitle appeared) must still count.
          synchronized (promptLock) {
            if (mine != generation.get()) {
              return;
            }
            long from = System.nanoTime();
            SpokenTimes.passage(played, text, from, from + org.cmtkiosk.pcm.Pcm.timeOf(stream.length()).toNanos()
                + parts.audio().buffer().toNanos());
            prompt = stream;
          }
          playStream(stream);
        }
      } catch (Exception e) {
        log.accept("Cannot speak a prompt (" + e.getMessage() + "): " + text);
      } finally {
        prompt = null;
        post("a prompt ending", done);
      }
    });
  }

  /** Speaks over a practice that is playing or paused (it stays as it was); done when the words have been heard. */
  private void sayOver(PracticeRun r, String text, Runnable done) {
    Duration length = Duration.ZERO;
    try {
      Pcm clip = parts.speaker().speak(text);
      if (r.begun()) {
        r.stream().interject(clip);
        length = clip.duration();
      }
    } catch (Exception e) {
      log.accept("Cannot speak over the practice (" + e.getMessage() + "): " + text);
    } finally {
      timers.schedule(() -> post("speech over a practice ending", done), length.plus(PracticeRun.STOP_FADE)
          .toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void play(Practice practice, Consumer<Ended> done) {
    PracticeRun r = new PracticeRun(practice);
    run = r;
    controls = new PracticeControls(r, parts.audio());
    stopAs = null;
    pauseAsked = false;
    audio.execute(() -> {
      PracticeRun.Result result;
      try {
        result = playRun(r);
      } catch (Exception e) {
        log.accept("The practice " + practice.id() + " could not be played (" + e + ").");
        result = r.failed(e);
      } finally {
        if (run == r) {
          run = null;
        }
      }
      PracticeRun.Result ended = result;
      ended.failure().filter(e -> e instanceof java.io.IOException)
          .ifPresent(e -> log.accept("Sound output failed: " + e.getMessage()));
      post("the end of " + practice.id(), () -> done.accept(ended(ended)));
    });
  }

  /** The run's result as the flow sees it: the outcome it asked for when it stopped the practice. */
  private Ended ended(PracticeRun.Result result) {
    PracticeDone d = result.done();
    Outcome asked = stopAs;
    Outcome outcome = asked != null && d.outcome() != Outcome.ERROR ? asked : d.outcome();
    return new Ended(new PracticeDone(d.practiceId(), d.scriptVersion(), outcome, d.breathing()),
        result.breathsPerMinute(), result.failure().map(e -> String.valueOf(e.getMessage())));
  }

  @Override
  public void stopPractice(Outcome outcome) {
    stopAs = outcome;
    PracticeRun r = run;
    if (r != null) {
      r.stop();
      fallSilent();
    }
  }

  @Override
  public void pause() {
    pauseAsked = true;
    PracticeRun r = run;
    if (r != null && r.begun()) {
      r.stream().pause();
    }
  }

  @Override
  public void resume() {
    pauseAsked = false;
    PracticeRun r = run;
    if (r != null && r.begun()) {
      r.stream().resume();
    }
  }

  @Override
  public void adjust(Command change) {
    PracticeControls c = controls;
    if (run != null && c != null) {
      c.handle(change).ifPresent(what -> subtitles.accept("note: " + what));
    }
  }

  @Override
  public void repeatSentence() {
    PracticeSubtitles ps = practiceSubtitles;
    if (ps != null && run != null) {
      ps.lastSaid().ifPresent(this::interject);
    }
  }

  @Override
  public void skipSection() {
    PracticeRun r = run;
    if (r != null && r.begun()) {
      r.stream().skipSection();
      fallSilent();
    }
  }

  @Override
  public void subtitle(Subtitle line) {
    subtitles.accept(line.kind().label() + ": " + line.text());
  }

  private PracticeRun.Result playRun(PracticeRun run) throws Exception {
    Timeline timeline = parts.timelines().buildLive(run.practice(), (d, n) -> { }, parts.pace());
    if (!run.begin(timeline)) {
      return run.stoppedBeforeStart();
    }
    TimelineStream stream = run.stream();
    if (pauseAsked) {
      stream.pause();
    }
    practiceSubtitles = new PracticeSubtitles(stream, run.practice(), timeline, this::subtitle, played);
    stream.setVolumeDb(parts.volumeDb() + (quiet ? parts.quietVolumeDb() : 0));
    AudioOut out = output();
    current = stream;
    currentOut = out;
    try {
      return run.run(out);
    } finally {
      current = null;
    }
  }

  private void playStream(TimelineStream stream) throws java.io.IOException, AudioUnavailableException {
    stream.setVolumeDb(parts.volumeDb() + (quiet ? parts.quietVolumeDb() : 0));
    AudioOut out = output();
    current = stream;
    currentOut = out;
    try {
      out.play(stream);
    } finally {
      current = null;
    }
  }

  /** The sound card, or silence in real time while there is none (said once, and again when it is back). */
  private AudioOut output() throws AudioUnavailableException {
    try {
      AudioOut out = parts.outputs().open(playback);
      if (silentOutputLogged) {
        silentOutputLogged = false;
        log.accept("Sound output is available again: " + out.describe() + ".");
      }
      return out;
    } catch (AudioUnavailableException e) {
      if (!silentWithoutOutput) {
        throw e;
      }
      if (!silentOutputLogged) {
        silentOutputLogged = true;
        log.accept("No sound output: " + e.getMessage() + ". The kiosk carries on silently and tries again at "
            + "every prompt.");
      }
      return new RealTimeNullOut();
    }
  }

  /**
   * Whether prompts and practices go on silently, in real time, while there is no sound output (the kiosk: the
   * light and the controls still work), or end as an error (a single {@code practice} run). Default: silently.
   */
  public LiveSession silentWithoutOutput(boolean silently) {
    this.silentWithoutOutput = silently;
    return this;
  }

  @Override
  public void interject(String text) {
    speechPrep.execute(guarded("speaking over a practice", () -> {
      try {
        Pcm clip = parts.speaker().speak(text);
        TimelineStream s = current;
        if (s != null) {
          s.interject(clip);
        }
      } catch (Exception e) {
        log.accept("Cannot speak help (" + e.getMessage() + ")");
      }
    }));
  }

  /** Stops the prompt being said (never a practice: that is {@link #stopPractice}) and any prompt queued. */
  @Override
  public void hush() {
    TimelineStream s;
    synchronized (promptLock) {
      generation.incrementAndGet();
      s = prompt;
    }
    if (s != null) {
      s.stop(PracticeRun.STOP_FADE);
      fallSilent();
    }
  }

  /** The speaker falls silent after the stop fade: the rest of what it was due to say is not its own speech. */
  private void fallSilent() {
    played.cutAt(System.nanoTime() + PracticeRun.STOP_FADE.toNanos());
  }

  @Override
  public void light(Light newLight) {
    light = newLight;
  }

  @Override
  public void quiet(boolean quietNow) {
    quiet = quietNow;
  }

  @Override
  public org.cmtkiosk.listen.OwnSpeech ownSpeech() {
    return played;
  }

  @Override
  public boolean speaking() {
    TimelineStream s = current;
    AudioOut out = currentOut;
    return s != null && out != null && s.soundingAt(out.framesHeard());
  }

  private double ledLevel() {
    double scale = quiet ? parts.quietLedScale() : 1;
    TimelineStream s = current;
    AudioOut out = currentOut;
    if (s != null && out != null) {
      PracticeSubtitles ps = practiceSubtitles;
      if (ps != null && ps.stream() == s) {
        ps.reached(s.positionAt(out.framesHeard()));
      }
      var breath = s.breathAt(out.framesHeard());
      if (breath.isPresent()) {
        return scale * BreathCurve.level(breath.get());
      }
    }
    Duration t = Duration.ofNanos(System.nanoTime() - started);
    return scale * switch (light) {
      case IDLE -> LightPatterns.idle(t);
      case SESSION -> LightPatterns.SESSION;
      case LISTENING -> LightPatterns.listening(t);
    };
  }

  /** Stops everything: inputs first, then sound (with its short fade), then the threads and the LED. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    closing = true;
    timers.shutdownNow();
    List<AutoCloseable> inputs;
    synchronized (openInputs) {
      inputs = new ArrayList<>(openInputs.values());
      openInputs.clear();
    }
    inputs.forEach(this::closeQuietly);
    hush();
    PracticeRun r = run;
    if (r != null) {
      r.stop();
    }
    audio.shutdown();
    speechPrep.shutdownNow();
    events.shutdown();
    try {
      audio.awaitTermination(2, TimeUnit.SECONDS);
      events.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    audio.shutdownNow();
    events.shutdownNow();
    led.close();
  }
}
