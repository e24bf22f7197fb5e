package org.cmtkiosk.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The listening loop with a scripted recogniser: grammar switching, results, and help after two misses. */
class VoiceCommandsTest {
  /** Returns one prepared result per chunk (null = still listening) and remembers the grammars it was given. */
  static final class ScriptedRecogniser implements Recogniser {
    final Deque<String> results = new ArrayDeque<>();
    final List<String> grammars = new ArrayList<>();
    boolean closed;

    @Override
    public String accept(byte[] chunk, int length) {
      return results.poll();
    }

    @Override
    public void grammar(String json) {
      grammars.add(json);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A microphone that delivers a fixed number of silent chunks, then ends. */
  static class CountedMic implements MicSource {
    int left;

    CountedMic(int chunks) {
      left = chunks;
    }

    @Override
    public byte[] next(Duration timeout) {
      return left-- > 0 ? new byte[3200] : null;
    }

    @Override
    public long dropped() {
      return 0;
    }

    @Override
    public void close() { }
  }

  private final Vocabulary vocabulary = new Vocabulary(Vocabulary.DEFAULT_WORDS, List.of("breathing"));
  private final List<Heard> heard = new ArrayList<>();
  private final List<String> confused = new ArrayList<>();

  @Test
  void commandsComeThroughAndTwoMissesInARowBringHelp() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    r.results.addAll(List.of(InterpreterTest.result("mumble", 0.9), InterpreterTest.result("[unk]", 1),
        InterpreterTest.result("pause", 0.9), InterpreterTest.result("[unk]", 1)));
    VoiceCommands voice = new VoiceCommands(new CountedMic(4), r, new Interpreter(vocabulary, 0.75, 0.9),
        vocabulary, () -> Context.PRACTICE, () -> false, heard::add, confused::add);

    voice.runToEnd();
    voice.close();

    assertEquals(List.of(new Heard.CommandHeard(Command.PAUSE, "pause")), heard);
    assertEquals(1, confused.size(), "one help after the first two misses; the last miss alone says nothing");
    assertTrue(confused.get(0).startsWith("You can say: stop, too much, help, pause"), confused::toString);
    assertTrue(r.closed);
  }

  @Test
  void theGrammarFollowsTheContext() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    AtomicReference<Context> context = new AtomicReference<>(Context.IDLE);
    int[] chunk = {0};
    VoiceCommands voice = new VoiceCommands(new CountedMic(4) {
      @Override
      public byte[] next(Duration timeout) {
        if (++chunk[0] == 3) {
          context.set(Context.MENU);
        }
        return super.next(timeout);
      }
    }, r, new Interpreter(vocabulary, 0.75, 0.9), vocabulary, context::get, () -> false, heard::add, confused::add);

    voice.runToEnd();

    assertEquals(List.of(vocabulary.grammar(Context.IDLE), vocabulary.grammar(Context.MENU)), r.grammars);
  }

  @Test
  void itsOwnVoiceNeverCountsAsAMisunderstanding() {
    ScriptedRecogniser r = new ScriptedRecogniser();
    r.results.addAll(List.of(InterpreterTest.result("[unk]", 1), InterpreterTest.result("[unk]", 1),
        InterpreterTest.result("[unk]", 1)));
    VoiceCommands voice = new VoiceCommands(new CountedMic(3), r, new Interpreter(vocabulary, 0.75, 0.9),
        vocabulary, () -> Context.PRACTICE, () -> true, heard::add, confused::add);
    voice.runToEnd();
    assertEquals(List.of(), confused);
  }
}
