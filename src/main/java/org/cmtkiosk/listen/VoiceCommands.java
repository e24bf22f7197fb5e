package org.cmtkiosk.listen;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The listening loop: microphone → recogniser (phrases of the current context) → interpreter. Tells the listener
 * what each utterance meant; after two misunderstandings in a row, what can be said instead; and, if listening
 * fails, why (then {@link #restart} listens again).
 *
 * <p>The native recogniser is made, used and closed by the listening thread alone, in {@code finally}; stopping is
 * a flag the loop reads between chunks, so {@link #close} never frees a recogniser another thread is inside.
 */
public final class VoiceCommands implements AutoCloseable {
  /** How long {@link #close} waits for the listening thread (it finishes its chunk, at most ~0.2 s plus decoding). */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  /** What the owner hears from the listening loop (called on the listening thread). */
  public interface Listener {
    /** An utterance meant something. */
    void heard(Heard heard);

    /** Two misunderstandings in a row: a sentence saying what can be said now. */
    void confused(String whatYouCanSay);

    /** Listening stopped because of {@code failure} (already logged); voice is off until {@link #restart}. */
    void failed(Exception failure);
  }

  private final MicSource mic;
  private final RecogniserEngine engine;
  private final Interpreter interpreter;
  private final Vocabulary vocabulary;
  private final Supplier<Context> context;
  private final OwnSpeech ownSpeech;
  private final Listener listener;
  private final Consumer<String> log;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object lifecycle = new Object();
  private Thread thread;
  private int misses;
  /** How long close waits for the thread; shorter in tests. */
  Duration closeWait = CLOSE_WAIT;

  public VoiceCommands(MicSource mic, RecogniserEngine engine, Interpreter interpreter, Vocabulary vocabulary,
      Supplier<Context> context, OwnSpeech ownSpeech, Listener listener, Consumer<String> log) {
    this.mic = mic;
    this.engine = engine;
    this.interpreter = interpreter;
    this.vocabulary = vocabulary;
    this.context = context;
    this.ownSpeech = ownSpeech;
    this.listener = listener;
    this.log = log;
  }

  /** Listens on its own thread until closed, the input ends, or listening fails. */
  public VoiceCommands start() {
    synchronized (lifecycle) {
      running.set(true);
      thread = new Thread(this::listen, "voice-commands");
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  /** Listens again after a failure or the end of the input; false (and nothing done) while still listening. */
  public boolean restart() {
    synchronized (lifecycle) {
      if (thread != null && thread.isAlive()) {
        return false;
      }
      start();
      return true;
    }
  }

  /** Whether the listening thread is running. */
  public boolean listening() {
    synchronized (lifecycle) {
      return thread != null && thread.isAlive();
    }
  }

  /** Processes the whole input on this thread (for files, the bench and tests); returns when it ends. */
  public void runToEnd() {
    running.set(true);
    listen();
  }

  /** The loop, on the thread that owns the recogniser from opening to closing. */
  private void listen() {
    Recogniser recogniser = null;
    Context listeningFor = null;
    StreamClock clock = new StreamClock(MicSource.FORMAT.getSampleRate());
    try {
      listeningFor = context.get();
      recogniser = engine.open(vocabulary.phrases(listeningFor));
      misses = 0;
      while (running.get()) {
        Context now = context.get();
        if (now != listeningFor) {
          recogniser.listenFor(vocabulary.phrases(now));
          listeningFor = now;
          misses = 0;
        }
        MicSource.Chunk chunk = mic.next(Duration.ofMillis(200));
        if (chunk == null) {
          handle(recogniser.finish(), now, clock);
          break;
        }
        if (chunk.samples() > 0) {
          ownSpeech.observe(System.nanoTime());
          clock.fed(chunk.samples(), chunk.capturedNanos());
          handle(recogniser.accept(chunk.pcm(), chunk.pcm().length), now, clock);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | LinkageError e) {
      fail(e, listeningFor, clock);
    } finally {
      running.set(false);
      if (recogniser != null) {
        closeQuietly(recogniser);
      }
    }
  }

  private void fail(Throwable e, Context listeningFor, StreamClock clock) {
    log.accept(String.format(java.util.Locale.ROOT, "Voice control stopped: %s failed after %.1f s of audio in "
        + "context %s (%s). The button and keys still work.", engine.name(), clock.secondsFed(), listeningFor, e));
    Exception failure = e instanceof Exception ex ? ex : new IllegalStateException(e.toString(), e);
    try {
      listener.failed(failure);
    } catch (RuntimeException again) {
      log.accept("Voice: the owner's failure handler threw too (" + again + ")");
    }
  }

  private void closeQuietly(Recogniser recogniser) {
    try {
      recogniser.close();
    } catch (RuntimeException e) {
      log.accept("Voice: closing " + engine.name() + " failed (" + e + ")");
    }
  }

  private void handle(Optional<Recognition> recognition, Context now, StreamClock clock) {
    if (recognition.isEmpty()) {
      return;
    }
    Heard heard = interpreter.interpret(recognition.get(), now, clock, ownSpeech);
    if (heard instanceof Heard.Ignored) {
      return;
    }
    if (heard instanceof Heard.NotUnderstood) {
      if (++misses >= 2) {
        misses = 0;
        listener.confused(vocabulary.whatYouCanSay(now));
      }
      return;
    }
    misses = 0;
    listener.heard(heard);
  }

  /**
   * Stops listening: the loop sees the flag after its current chunk and closes its recogniser itself. Waits a
   * little for that; a thread still inside the recogniser then is left to finish and close it (logged), never
   * freed from here.
   */
  @Override
  public void close() {
    running.set(false);
    Thread t;
    synchronized (lifecycle) {
      t = thread;
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(closeWait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        log.accept("Voice: the recogniser is still busy after " + closeWait.toMillis() + " ms; it will be closed "
            + "by its own thread when it returns.");
      }
    }
    mic.close();
  }
}
