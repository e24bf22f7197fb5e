package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The listening loop with scripted recognisers: results, grammar switching, help after two misses, a recogniser
 * that throws (reported, and listening restarts), and closing while the thread is inside the recogniser (which is
 * then closed by that thread, never freed early).
 */
class VoiceCommandsTest {
  /** Returns one prepared result per chunk (empty = still listening) and remembers what it was told. */
  static class ScriptedRecogniser implements Recogniser {
    final Deque<Optional<Recognition>> results = new ArrayDeque<>();
    final List<Collection<String>> grammars = Collections.synchronizedList(new ArrayList<>());
    volatile Thread closedBy;

    @Override
    public Optional<Recognition> accept(byte[] pcm, int length) {
      Optional<Recognition> r = results.poll();
      return r == null ? Optional.empty() : r;
    }

    @Override
    public void listenFor(Collection<String> phrases) {
      grammars.add(phrases);
    }

    @Override
    public Optional<Recognition> finish() {
      return Optional.empty();
    }

    @Override
    public void close() {
      closedBy = Thread.currentThread();
    }
  }

  /** Opens the given recognisers in turn, remembering on which thread. */
  static class ScriptedEngine implements RecogniserEngine {
    final Deque<ScriptedRecogniser> recognisers = new ArrayDeque<>();
    final List<Thread> openedBy = Collections.synchronizedList(new ArrayList<>());
    final List<Collection<String>> opened = Collections.synchronizedList(new ArrayList<>());

    ScriptedEngine(ScriptedRecogniser... rs) {
      recognisers.addAll(List.of(rs));
    }

    @Override
    public synchronized Recogniser open(Collection<String> phrases) {
      openedBy.add(Thread.currentThread());
      opened.add(phrases);
      return recognisers.poll();
    }

    @Override
    public String name() {
      return "scripted";
    }
  }

  /** A microphone that delivers a number of silent 100 ms chunks, captured now, then ends; endless when negative. */
  static class CountedMic implements MicSource {
    int left;

    CountedMic(int chunks) {
      left = chunks;
    }

    @Override
    public Chunk next(Duration timeout) {
      if (left == 0) {
        return null;
      }
      left--;
      return new Chunk(new byte[3200], System.nanoTime());
    }

    @Override
    public long dropped() {
      return 0;
    }

    @Override
    public void close() { }
  }

  /** Records what the loop tells its owner. */
  static final class RecordingListener implements VoiceCommands.Listener {
    final List<Heard> heard = Collections.synchronizedList(new ArrayList<>());
    final List<String> confused = Collections.synchronizedList(new ArrayList<>());
    final List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch failed = new CountDownLatch(1);

    @Override
    public void heard(Heard h) {
      heard.add(h);
    }

    @Override
    public void confused(String whatYouCanSay) {
      confused.add(whatYouCanSay);
    }

    @Override
    public void failed(Exception failure) {
      failures.add(failure);
      failed.countDown();
    }
  }

  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing"));
  private final Interpreter interpreter = new Interpreter(vocabulary, 0.75, 0.9, Duration.ofMillis(150),
      Duration.ofMillis(300));
  private final RecordingListener listener = new RecordingListener();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private VoiceCommands voice(MicSource mic, RecogniserEngine engine, java.util.function.Supplier<Context> context,
      OwnSpeech own) {
    return new VoiceCommands(mic, engine, interpreter, vocabulary, context, own, listener, log::add);
  }

  private static Optional<Recognition> said(String text, double confidence) {
    double[] c = new double[text.split(" ").length];
    java.util.Arrays.fill(c, confidence);
    return Optional.of(InterpreterTest.said(0.1, text, c));
  }

  @Test
  void commandsComeThroughAndTwoMissesInARowBringHelp() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    r.results.addAll(List.of(said("stop", 0.5), Optional.of(new Recognition.NotRecognised(0, 1)), said("pause", 0.9),
        Optional.of(new Recognition.NotRecognised(0, 1))));
    ScriptedEngine engine = new ScriptedEngine(r);
    voice(new CountedMic(4), engine, () -> Context.PRACTICE, OwnSpeech.NONE).runToEnd();

    assertEquals(List.of(new Heard.CommandHeard(Command.PAUSE, "pause")), listener.heard);
    assertEquals(1, listener.confused.size(), "one help after the first two misses; the last miss alone says nothing");
    assertTrue(listener.confused.get(0).startsWith("You can say: stop, too much, help, pause"), listener.confused::toString);
    assertSame(Thread.currentThread(), r.closedBy, "closed by the thread that used it");
  }

  @Test
  void theGrammarFollowsTheContext() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    AtomicReference<Context> context = new AtomicReference<>(Context.IDLE);
    ScriptedEngine engine = new ScriptedEngine(r);
    int[] chunk = {0};
    voice(new CountedMic(4) {
      @Override
      public Chunk next(Duration timeout) {
        if (++chunk[0] == 3) {
          context.set(Context.MENU);
        }
        return super.next(timeout);
      }
    }, engine, context::get, OwnSpeech.NONE).runToEnd();

    assertEquals(List.of(vocabulary.phrases(Context.IDLE).keySet()), engine.opened);
    assertEquals(List.of(vocabulary.phrases(Context.MENU).keySet()), r.grammars);
  }

  @Test
  void itsOwnVoiceNeverCountsAsAMisunderstanding() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    for (int i = 0; i < 3; i++) {
      r.results.add(Optional.of(new Recognition.NotRecognised(0, 0.3)));
    }
    voice(new CountedMic(3), new ScriptedEngine(r), () -> Context.PRACTICE, PlayedSpeech.sampling(() -> true))
        .runToEnd();
    assertEquals(List.of(), listener.confused);
    assertEquals(List.of(), listener.heard);
  }

  @Test
  void aRecogniserThatThrowsIsReportedOnceAndListeningCanRestart() throws Exception {
    ScriptedRecogniser broken = new ScriptedRecogniser() {
      @Override
      public Optional<Recognition> accept(byte[] pcm, int length) {
        throw new IllegalStateException("boom!");
      }
    };
    ScriptedRecogniser working = new ScriptedRecogniser();
    working.results.add(said("stop", 0.95));
    ScriptedEngine engine = new ScriptedEngine(broken, working);
    VoiceCommands voice = voice(new CountedMic(-1), engine, () -> Context.PRACTICE, OwnSpeech.NONE).start();

    assertTrue(listener.failed.await(10, TimeUnit.SECONDS), "the owner is told");
    assertInstanceOf(IllegalStateException.class, listener.failures.get(0));
    assertEquals(1, log.size(), log::toString);
    assertTrue(log.get(0).contains("scripted failed after 0.1 s of audio in context PRACTICE")
        && log.get(0).contains("boom!"), log::toString);
    waitUntil(() -> !voice.listening());
    assertSame(engine.openedBy.get(0), broken.closedBy, "closed in finally by the thread that opened it");

    assertTrue(voice.restart(), "listening again");
    waitUntil(() -> !listener.heard.isEmpty());
    assertEquals(List.of(new Heard.CommandHeard(Command.STOP, "stop")), listener.heard);
    voice.close();
    assertSame(engine.openedBy.get(1), working.closedBy);
  }

  @Test
  void aRecogniserThatCannotOpenIsReportedToo() throws Exception {
    RecogniserEngine missing = new ScriptedEngine() {
      @Override
      public synchronized Recogniser open(Collection<String> phrases) {
        throw new IllegalStateException("no model");
      }
    };
    VoiceCommands voice = voice(new CountedMic(-1), missing, () -> Context.IDLE, OwnSpeech.NONE).start();
    assertTrue(listener.failed.await(10, TimeUnit.SECONDS));
    voice.close();
    assertEquals(1, log.size(), log::toString);
  }

  @Test
  void closingWhileTheThreadIsInsideTheRecogniserNeverFreesItEarly() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScriptedRecogniser slow = new ScriptedRecogniser() {
      @Override
      public Optional<Recognition> accept(byte[] pcm, int length) {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        assertTrue(closedBy == null, "not freed while in use");
        return Optional.empty();
      }
    };
    ScriptedEngine engine = new ScriptedEngine(slow);
    VoiceCommands voice = voice(new CountedMic(-1), engine, () -> Context.PRACTICE, OwnSpeech.NONE);
    voice.closeWait = Duration.ofMillis(20);
    voice.start();
    assertTrue(inside.await(10, TimeUnit.SECONDS));

    voice.close();
    assertEquals(null, slow.closedBy, "close returned, but the recogniser is still in use: not freed");
    assertTrue(log.stream().anyMatch(l -> l.contains("still busy")), log::toString);

    release.countDown();
    waitUntil(() -> slow.closedBy != null);
    assertSame(engine.openedBy.get(0), slow.closedBy, "freed by its own thread once it returned");
    assertFalse(voice.listening());
    assertEquals(List.of(), listener.failures);
  }

  /** Waits for another thread to get somewhere (not for time to pass); fails after 10 s. */
  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting for the listening thread");
      Thread.sleep(5);
    }
  }
}
