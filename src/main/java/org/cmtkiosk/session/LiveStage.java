package org.cmtkiosk.session;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.AudioUnavailableException;
import org.cmtkiosk.audio.RealTimeNullOut;
import org.cmtkiosk.audio.SoundCardOut;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.breath.BreathCurve;
import org.cmtkiosk.pacer.Indicator;
import org.cmtkiosk.pacer.LightPatterns;
import org.cmtkiosk.pacer.PacerLoop;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.SpeechException;

/**
 * The real stage: prompts and practices through the sound card (silently in real time when there is none), one at a
 * time on one audio thread, and the LED showing the breath, or the idle, session and listening patterns.
 */
public final class LiveStage implements Stage, AutoCloseable {
  private final App app;
  private final Consumer<String> log;
  private final ExecutorService audio = Executors.newSingleThreadExecutor(r -> daemon(r, "kiosk-audio"));
  private final PacerLoop led;
  private final long started = System.nanoTime();
  private volatile Light light = Light.IDLE;
  private volatile double ledScale = 1;
  private volatile double volumeOffsetDb;
  private volatile TimelineStream current;
  private volatile AudioOut currentOut;

  public LiveStage(App app, Indicator indicator, Consumer<String> log) {
    this.app = app;
    this.log = log;
    this.led = new PacerLoop(indicator, this::ledLevel, System::nanoTime).start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private double ledLevel() {
    TimelineStream s = current;
    AudioOut out = currentOut;
    if (s != null && out != null) {
      var breath = s.breathAt(out.framesHeard());
      if (breath.isPresent()) {
        return ledScale * BreathCurve.level(breath.get());
      }
    }
    Duration t = Duration.ofNanos(System.nanoTime() - started);
    return ledScale * switch (light) {
      case IDLE -> LightPatterns.idle(t);
      case SESSION -> LightPatterns.SESSION;
      case LISTENING -> LightPatterns.listening(t);
    };
  }

  @Override
  public void say(String text, Runnable done) {
    hush();
    audio.submit(logged(() -> {
      try {
        Timeline t = app.timelines().speech(text);
        play(new TimelineStream(t));
      } catch (SpeechException e) {
        log.accept("Cannot speak a prompt (" + e.getMessage() + "): " + text);
      } finally {
        done.run();
      }
    }));
  }

  /** A task whose unexpected failure is logged instead of vanishing inside the executor. */
  private Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.accept("Kiosk audio task failed: " + e);
        e.printStackTrace();
      }
    };
  }

  @Override
  public PracticeRun play(Practice practice, Consumer<PracticeRun.Result> done) {
    try {
      PracticeRun run = new PracticeRun(practice, app.timelines().buildLive(practice, (d, n) -> { },
          app.config().pace()));
      run.stream().setVolumeDb(app.config().audio().volumeDb() + volumeOffsetDb);
      audio.submit(logged(() -> {
        AudioOut out = output();
        current = run.stream();
        currentOut = out;
        PracticeRun.Result result = run.run(out);
        current = null;
        result.failure().ifPresent(e -> log.accept("Sound output failed: " + e.getMessage()));
        done.accept(result);
      }));
      return run;
    } catch (SpeechException e) {
      throw new IllegalStateException("cannot lay out " + practice.id() + ": " + e.getMessage(), e);
    }
  }

  private void play(TimelineStream stream) {
    stream.setVolumeDb(app.config().audio().volumeDb() + volumeOffsetDb);
    AudioOut out = output();
    current = stream;
    currentOut = out;
    try {
      out.play(stream);
    } catch (java.io.IOException e) {
      log.accept("Sound output failed: " + e.getMessage());
    } finally {
      current = null;
    }
  }

  private AudioOut output() {
    try {
      return SoundCardOut.open(app.config().audio(), log);
    } catch (AudioUnavailableException e) {
      return new RealTimeNullOut();
    }
  }

  @Override
  public void interject(String text) {
    TimelineStream s = current;
    try {
      if (s != null) {
        s.interject(app.speaker().speak(text));
      }
    } catch (SpeechException e) {
      log.accept("Cannot speak help (" + e.getMessage() + ")");
    }
  }

  @Override
  public void hush() {
    TimelineStream s = current;
    if (s != null) {
      s.stop(PracticeRun.STOP_FADE);
    }
  }

  @Override
  public void light(Light newLight) {
    light = newLight;
  }

  @Override
  public void quiet(boolean quiet) {
    var q = app.config().kiosk().quietHours();
    volumeOffsetDb = quiet ? q.volumeDb() : 0;
    ledScale = quiet ? Math.min(1, q.maxBrightness() / Math.max(0.01, app.config().led().maxBrightness())) : 1;
  }

  @Override
  public boolean speaking() {
    TimelineStream s = current;
    AudioOut out = currentOut;
    return s != null && out != null && s.soundingAt(out.framesHeard());
  }

  @Override
  public void close() {
    hush();
    audio.shutdownNow();
    led.close();
  }
}
