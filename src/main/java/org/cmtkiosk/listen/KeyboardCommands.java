package org.cmtkiosk.listen;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * Single keys, for development and for sites with a USB keypad. They mirror the voice and the button: a key per
 * command, digits for check-in numbers and for choosing from a list, and {@code b} for the button's one press.
 */
public final class KeyboardCommands implements AutoCloseable {
  /** The key that stands for one short press of the button. */
  public static final char BUTTON = 'b';
  private static final Map<Character, Command> KEYS = Map.ofEntries(
      Map.entry(' ', Command.PAUSE_OR_RESUME), Map.entry('p', Command.PAUSE_OR_RESUME),
      Map.entry('s', Command.STOP), Map.entry('q', Command.STOP),
      Map.entry(',', Command.SLOWER), Map.entry('<', Command.SLOWER),
      Map.entry('.', Command.FASTER), Map.entry('>', Command.FASTER),
      Map.entry('+', Command.LOUDER), Map.entry('=', Command.LOUDER),
      Map.entry('-', Command.QUIETER), Map.entry('t', Command.TONE),
      Map.entry('g', Command.GROUND_ME), Map.entry('h', Command.HELP), Map.entry('?', Command.HELP),
      Map.entry('\r', Command.START), Map.entry('\n', Command.START),
      Map.entry('r', Command.REPEAT), Map.entry('n', Command.SKIP), Map.entry('m', Command.MENU),
      Map.entry('y', Command.YES));
  /** Printed when keyboard control starts. */
  public static final String HELP = "Keys: s stop · g grounding · h help · b the button's one press · Enter start,"
      + " yes, or the item just read · 0-9 a number or a list item · space pause/resume · r repeat/again"
      + " · n skip/next/no · m menu · y yes · , slower · . faster · + louder · - quieter · t tone on/off";

  private final Terminal terminal;
  private final Attributes saved;
  private final Thread thread;
  private volatile boolean running = true;

  private KeyboardCommands(Terminal terminal, Consumer<Character> keys) {
    this.terminal = terminal;
    this.saved = terminal.enterRawMode();
    this.thread = new Thread(() -> readKeys(keys), "keyboard");
    this.thread.setDaemon(true);
  }

  /** The command a key stands for, if any. */
  public static Optional<Command> forKey(char key) {
    return Optional.ofNullable(KEYS.get(Character.toLowerCase(key)));
  }

  /** Starts reading keys from the terminal, sending each command to {@code commands} (digits and b are dropped). */
  public static KeyboardCommands start(Consumer<Command> commands) throws IOException {
    return startKeys(key -> forKey(key).ifPresent(commands));
  }

  /** Starts reading keys from the terminal, sending every key as typed to {@code keys} (e.g. the session flow). */
  public static KeyboardCommands startKeys(Consumer<Character> keys) throws IOException {
    KeyboardCommands k = new KeyboardCommands(TerminalBuilder.builder().system(true).build(), keys);
    k.thread.start();
    return k;
  }

  private void readKeys(Consumer<Character> keys) {
    NonBlockingReader reader = terminal.reader();
    try {
      while (running) {
        int c = reader.read(200);
        if (c >= 0) {
          deliver(keys, (char) c);
        } else if (c == NonBlockingReader.EOF) {
          return;
        }
      }
    } catch (IOException e) {
      running = false;
    }
  }

  /** Hands on one key; a failure in whoever handles it is reported and the keyboard keeps working. */
  private static void deliver(Consumer<Character> keys, char key) {
    try {
      keys.accept(key);
    } catch (RuntimeException e) {
      System.err.println("Keyboard: the key '" + key + "' could not be handled (" + e + "); keys still work.");
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(500);
      terminal.setAttributes(saved);
      terminal.close();
    } catch (IOException | InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
