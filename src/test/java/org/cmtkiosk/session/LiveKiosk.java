package org.cmtkiosk.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cmtkiosk.audio.AudioOut;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.Speaker;
import org.cmtkiosk.testing.MutableClock;
import org.cmtkiosk.testing.RecordingIndicator;
import org.cmtkiosk.testing.Scripts;

/**
 * A real {@link LiveSession} driving a real {@link KioskFlow}, with a stand-in voice and an output that plays as
 * fast as it can, on a simulated clock — and a switch for every fault a test wants to inject.
 */
final class LiveKiosk implements AutoCloseable {
  static final KioskConfig CONFIG = Defaults.config();

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> subtitles = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<SessionRecord> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
  final RecordingIndicator led = new RecordingIndicator();
  final Practice practice;
  final LiveSession session;
  final KioskFlow flow;
  final ScriptedInput input = new ScriptedInput();
  /** Faults: switch them on and off between steps. */
  volatile boolean speechFails;
  volatile boolean outputLost;
  volatile int renderFailsAfterBlocks = -1;
  volatile boolean journalFails;
  /** While set, synthesis waits for it to open (as MaryTTS takes its time with a long prompt). */
  volatile java.util.concurrent.CountDownLatch speechGate;
  /** While set, a prompt's output holds after its first block until the prompt is stopped (as a real speaker). */
  volatile boolean holdPlayback;
  /** How many times the output was asked to play something. */
  final AtomicInteger plays = new AtomicInteger();

  LiveKiosk(Path dir) {
    practice = Scripts.practice(dir, "calm", "  - say: Let us begin, gently.\n  - pause: 3s\n"
        + "  - say: That is the end of this short practice.\n");
    Speaker voice = new FaultySpeaker();
    session = new LiveSession(new LiveSession.Parts(new TimelineBuilder(voice, CONFIG.layout()), voice,
        events -> new FastOut(), led, CONFIG.pace(), CONFIG.audio(), -8, 0.5), log::add, subtitles::add)
        .reopenAfter(Duration.ofMillis(50));
    flow = new KioskFlow(CONFIG.kiosk(), Offering.of(List.of(practice), new KioskSettings.Offer(List.of(), "calm", false, Duration.ofMinutes(10))), null, null,
        new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("calm")), session, clock, r -> {
          if (journalFails) {
            throw new IllegalStateException("the journal's disk is full");
          }
          journal.add(r);
        });
    session.drive(flow, List.of(input));
  }

  /** A voice that says each sentence as a short buzz, or fails like MaryTTS with a broken voice. */
  private final class FaultySpeaker implements Speaker {
    private final org.cmtkiosk.testing.FakeSpeaker real = new org.cmtkiosk.testing.FakeSpeaker();

    @Override
    public org.cmtkiosk.pcm.Pcm speak(String sentence) throws org.cmtkiosk.speech.SpeechException {
      if (speechFails) {
        throw new org.cmtkiosk.speech.SpeechException("the voice could not be loaded (injected)", null);
      }
      java.util.concurrent.CountDownLatch gate = speechGate;
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new org.cmtkiosk.speech.SpeechException("interrupted while held (test)", e);
        }
      }
      return real.speak(sentence);
    }
  }

  /** Plays a stream as fast as it can be rendered; can lose its device or break mid-render. */
  private final class FastOut implements AudioOut {
    private volatile long frames;

    @Override
    public void play(TimelineStream stream) throws IOException {
      if (outputLost) {
        throw new IOException("the sound output did not come back within 60 s (injected)");
      }
      plays.incrementAndGet();
      byte[] block = new byte[960];
      int blocks = 0;
      int n;
      while ((n = stream.read(block, 0, block.length)) > 0) {
        frames += n / 2;
        while (holdPlayback && !stream.stopped()) {
          Thread.onSpinWait();
        }
        if (renderFailsAfterBlocks >= 0 && ++blocks > renderFailsAfterBlocks) {
          throw new IllegalStateException("a segment failed to render (injected)");
        }
      }
    }

    @Override
    public long framesHeard() {
      return frames;
    }

    @Override
    public String describe() {
      return "a fast test output";
    }
  }

  /** An input the test speaks through; it can also fail like a recogniser that throws. */
  static final class ScriptedInput implements Input {
    volatile InputSink sink;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public String name() {
      return "scripted voice";
    }

    @Override
    public AutoCloseable open(InputSink sink) {
      this.sink = sink;
      opened.incrementAndGet();
      return closed::incrementAndGet;
    }

    void say(Command c) {
      sink.command(c);
    }
  }

  /** Presses start and waits until a session is under way. */
  void start() {
    input.say(Command.START);
    await("a session to start", () -> flow.state() != KioskFlow.State.IDLE);
  }

  void awaitIdle() {
    await("the kiosk to be idle again", () -> flow.state() == KioskFlow.State.IDLE);
  }

  /** Waits (boundedly) for the live threads to bring the flow where a test expects it. */
  void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; state " + flow.state() + "; log " + log + "; subtitles " + subtitles);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Lets simulated time pass and has the flow look at the clock. */
  void pass(Duration d) throws InterruptedException {
    clock.advance(d);
    session.postAndWait("a test tick", flow::tick, Duration.ofSeconds(5));
  }

  List<String> spoken() {
    List<String> said = new ArrayList<>();
    subtitles.stream().filter(s -> s.startsWith("says: ")).forEach(s -> said.add(s.substring(6)));
    return said;
  }

  @Override
  public void close() {
    session.close();
  }

  static Consumer<String> none() {
    return s -> { };
  }
}
