package org.cmtkiosk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.PracticeRun;
import org.cmtkiosk.session.Stage;
import org.cmtkiosk.speech.SpeechException;

/**
 * A stage that remembers what it was asked to say and play. Speech ends when the test calls {@link #finishSaying};
 * a practice is rendered for real (fake voice, real mixer) to a null output when the test calls
 * {@link #finishPractice}, so stops and pace changes made before then shape the result.
 */
public final class RecordingStage implements Stage {
  private final TimelineBuilder builder;
  private final KioskConfig config;
  public final List<String> said = new ArrayList<>();
  public final List<String> played = new ArrayList<>();
  public final List<String> interjected = new ArrayList<>();
  public final List<Light> lights = new ArrayList<>();
  public final List<Boolean> quiet = new ArrayList<>();
  private Runnable sayDone;
  private PracticeRun run;
  private Consumer<PracticeRun.Result> playDone;
  private long framesRendered;

  public RecordingStage(KioskConfig config) {
    this.config = config;
    this.builder = new TimelineBuilder(new FakeSpeaker(), config.layout());
  }

  @Override
  public synchronized void say(String text, Runnable done) {
    said.add(text);
    sayDone = done;
  }

  @Override
  public synchronized PracticeRun play(Practice practice, Consumer<PracticeRun.Result> done) {
    played.add(practice.id());
    try {
      run = new PracticeRun(practice, builder.buildLive(practice, (d, n) -> { }, config.pace()));
    } catch (SpeechException e) {
      throw new AssertionError(e);
    }
    playDone = done;
    return run;
  }

  /** Ends the speech under way, as if it had been said to the end. */
  public void finishSaying() {
    Runnable done;
    synchronized (this) {
      done = sayDone;
      sayDone = null;
    }
    if (done == null) {
      throw new AssertionError("nothing is being said; said so far: " + said);
    }
    done.run();
  }

  /** Plays the current practice to its end (or to where it was stopped) and reports how it ended. */
  public PracticeRun.Result finishPractice() {
    PracticeRun r;
    Consumer<PracticeRun.Result> done;
    synchronized (this) {
      r = run;
      done = playDone;
      run = null;
      playDone = null;
    }
    PracticeRun.Result result = r.run(new NullOut());
    done.accept(result);
    return result;
  }

  public long framesRendered() {
    return framesRendered;
  }

  @Override
  public void interject(String text) {
    interjected.add(text);
  }

  @Override
  public void hush() {
    sayDone = null;
  }

  @Override
  public void light(Light light) {
    lights.add(light);
  }

  @Override
  public void quiet(boolean q) {
    quiet.add(q);
  }

  @Override
  public boolean speaking() {
    return sayDone != null;
  }

  public String lastSaid() {
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
