package org.cmtkiosk.listen;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The listening loop: microphone → recogniser (grammar of the current context) → interpreter. Tells
 * {@code onHeard} what each utterance meant; after two misunderstandings in a row, tells {@code onConfused} what
 * can be said instead.
 */
public final class VoiceCommands implements AutoCloseable {
  private final MicSource mic;
  private final Recogniser recogniser;
  private final Interpreter interpreter;
  private final Vocabulary vocabulary;
  private final Supplier<Context> context;
  private final BooleanSupplier deviceSpeaking;
  private final Consumer<Heard> onHeard;
  private final Consumer<String> onConfused;
  private Context listeningFor;
  private int misses;
  private Thread thread;
  private volatile boolean running = true;

  public VoiceCommands(MicSource mic, Recogniser recogniser, Interpreter interpreter, Vocabulary vocabulary,
      Supplier<Context> context, BooleanSupplier deviceSpeaking, Consumer<Heard> onHeard,
      Consumer<String> onConfused) {
    this.mic = mic;
    this.recogniser = recogniser;
    this.interpreter = interpreter;
    this.vocabulary = vocabulary;
    this.context = context;
    this.deviceSpeaking = deviceSpeaking;
    this.onHeard = onHeard;
    this.onConfused = onConfused;
  }

  /** Listens on its own thread until closed or the input ends. */
  public VoiceCommands start() {
    thread = new Thread(this::run, "voice-commands");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Processes the whole input on this thread (for files and tests); returns when it ends. */
  public void runToEnd() {
    run();
  }

  private void run() {
    try {
      while (running && step()) {
        // Keep listening.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes one chunk of audio; false once the input has ended. */
  boolean step() throws InterruptedException {
    Context now = context.get();
    if (now != listeningFor) {
      recogniser.grammar(vocabulary.grammar(now));
      listeningFor = now;
      misses = 0;
    }
    byte[] chunk = mic.next(Duration.ofMillis(200));
    if (chunk == null) {
      return false;
    }
    if (chunk.length > 0) {
      String json = recogniser.accept(chunk, chunk.length);
      if (json != null) {
        handle(interpreter.interpret(VoskResult.parse(json), now, deviceSpeaking.getAsBoolean()), now);
      }
    }
    return true;
  }

  private void handle(Heard heard, Context now) {
    if (heard instanceof Heard.Ignored) {
      return;
    }
    if (heard instanceof Heard.NotUnderstood) {
      if (++misses >= 2) {
        misses = 0;
        onConfused.accept(vocabulary.whatYouCanSay(now));
      }
      return;
    }
    misses = 0;
    onHeard.accept(heard);
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    recogniser.close();
    mic.close();
  }
}
