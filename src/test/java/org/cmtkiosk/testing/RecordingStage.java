package org.cmtkiosk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.journal.SessionRecord.PracticeDone;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.PracticeRun;
import org.cmtkiosk.session.Stage;
import org.cmtkiosk.session.Subtitle;
import org.cmtkiosk.speech.SpeechException;

/**
 * A stage that remembers what it was asked to do. Speech ends when the test calls {@link #finishSaying}; a practice
 * is rendered for real (fake voice, real mixer) to a null output when the test calls {@link #finishPractice}, so
 * stops and pace changes made before then shape the result — or, made with {@code render} false, only recorded (for
 * tests of the flow alone, which run thousands of sessions). Like a real stage, speech that was hushed or replaced
 * still reports its end — late, at the next {@link #finishSaying} — and the flow must ignore it.
 */
public final class RecordingStage implements Stage {
  private final TimelineBuilder builder;
  private final KioskConfig config;
  public final List<String> said = new ArrayList<>();
  public final List<String> played = new ArrayList<>();
  public final List<String> interjected = new ArrayList<>();
  public final List<Light> lights = new ArrayList<>();
  public final List<Boolean> quiet = new ArrayList<>();
  public final List<Outcome> stops = new ArrayList<>();
  /** Live controls asked of the practice, in order: "pause", "resume", "slower", "repeat sentence"... */
  public final List<String> controls = new ArrayList<>();
  public final List<Subtitle> subtitles = new ArrayList<>();
  private final List<Runnable> late = new ArrayList<>();
  private final boolean render;
  private Runnable sayDone;
  private Practice practice;
  private boolean paused;
  private PracticeRun run;
  private Outcome stopAs;
  private Consumer<Ended> playDone;
  private long framesRendered;

  public RecordingStage(KioskConfig config) {
    this(config, true);
  }

  public RecordingStage(KioskConfig config, boolean render) {
    this.config = config;
    this.render = render;
    this.builder = render ? new TimelineBuilder(new FakeSpeaker(), config.layout()) : null;
  }

  @Override
  public synchronized void say(String text, Runnable done) {
    said.add(text);
    if (sayDone != null) {
      late.add(sayDone);
    }
    sayDone = done;
  }

  @Override
  public synchronized void hush() {
    controls.add("hush");
    if (sayDone != null) {
      late.add(sayDone);
      sayDone = null;
    }
  }

  @Override
  public synchronized void play(Practice practice, Consumer<Ended> done) {
    played.add(practice.id());
    this.practice = practice;
    paused = false;
    try {
      run = render ? new PracticeRun(practice, builder.buildLive(practice, (d, n) -> { }, config.pace())) : null;
    } catch (SpeechException e) {
      throw new AssertionError(e);
    }
    stopAs = null;
    playDone = done;
  }

  @Override
  public synchronized void stopPractice(Outcome outcome) {
    stops.add(outcome);
    stopAs = outcome;
    if (run != null) {
      run.stop();
    }
  }

  @Override
  public synchronized void pause() {
    controls.add("pause");
    paused = true;
    if (run != null) {
      run.stream().pause();
    }
  }

  @Override
  public synchronized void resume() {
    controls.add("resume");
    paused = false;
    if (run != null) {
      run.stream().resume();
    }
  }

  @Override
  public synchronized void adjust(Command change) {
    controls.add(change.name().toLowerCase(Locale.ROOT));
    if (run != null && (change == Command.SLOWER || change == Command.FASTER)) {
      run.stream().changePace(change == Command.SLOWER ? 1 : -1);
    }
  }

  @Override
  public synchronized void repeatSentence() {
    controls.add("repeat sentence");
  }

  @Override
  public synchronized void skipSection() {
    controls.add("skip section");
  }

  @Override
  public synchronized void interject(String text) {
    interjected.add(text);
  }

  @Override
  public synchronized void light(Light light) {
    lights.add(light);
  }

  @Override
  public synchronized void quiet(boolean q) {
    quiet.add(q);
  }

  @Override
  public synchronized boolean speaking() {
    return sayDone != null;
  }

  @Override
  public synchronized void subtitle(Subtitle line) {
    subtitles.add(line);
  }

  /** Ends the speech under way, as if it had been said to the end (after late reports of hushed speech). */
  public void finishSaying() {
    List<Runnable> stale;
    Runnable done;
    synchronized (this) {
      stale = List.copyOf(late);
      late.clear();
      done = sayDone;
      sayDone = null;
    }
    stale.forEach(Runnable::run);
    if (done == null) {
      throw new AssertionError("nothing is being said; said so far: " + said);
    }
    done.run();
  }

  /** Whether speech is under way (asked for and not yet finished or hushed). */
  public synchronized boolean isSaying() {
    return sayDone != null;
  }

  /** Whether a practice is playing (asked for and not yet finished). */
  public synchronized boolean isPlaying() {
    return practice != null;
  }

  /** Plays the current practice to its end (or to where it was stopped) and reports how it ended. */
  public Ended finishPractice() {
    PracticeRun r;
    Practice p;
    Consumer<Ended> done;
    Outcome asked;
    boolean wasPaused;
    synchronized (this) {
      r = run;
      p = practice;
      done = playDone;
      asked = stopAs;
      wasPaused = paused;
      run = null;
      practice = null;
      playDone = null;
    }
    if (p == null) {
      throw new AssertionError("no practice is playing; played so far: " + played);
    }
    if (wasPaused && asked == null) {
      throw new AssertionError(p.id() + " is paused and was not stopped: it would never end");
    }
    Ended ended;
    if (r == null) {
      ended = new Ended(new PracticeDone(p.id(), p.version(), asked != null ? asked : Outcome.COMPLETED, List.of()),
          List.of(), Optional.empty());
    } else {
      PracticeRun.Result result = r.run(new NullOut());
      PracticeDone d = result.done();
      ended = new Ended(new PracticeDone(d.practiceId(), d.scriptVersion(), asked != null ? asked : d.outcome(),
          d.breathing()), result.breathsPerMinute(), Optional.empty());
    }
    done.accept(ended);
    return ended;
  }

  /** Reports that the current practice failed (as a live stage does when sound is gone for good). */
  public void failPractice(String problem) {
    Consumer<Ended> done;
    Practice p;
    synchronized (this) {
      p = practice;
      done = playDone;
      run = null;
      practice = null;
      playDone = null;
    }
    done.accept(new Ended(new PracticeDone(p.id(), p.version(), Outcome.ERROR, List.of()), List.of(),
        Optional.of(problem)));
  }

  public long framesRendered() {
    return framesRendered;
  }

  public synchronized String lastSaid() {
    return said.get(said.size() - 1);
  }

  /** Consumes the whole stream as fast as it renders. */
  private final class NullOut implements AudioOut {
    @Override
    public void play(TimelineStream stream) {
      byte[] buffer = new byte[9600];
      int n;
      while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
        framesRendered += n / 2;
      }
    }

    @Override
    public long framesHeard() {
      return framesRendered;
    }

    @Override
    public String describe() {
      return "nowhere";
    }
  }
}
