package org.cmtkiosk.listen;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/** Single keys as commands, for development and for sites with a USB keypad. */
public final class KeyboardCommands implements AutoCloseable {
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
  public static final String HELP = "Keys: space pause/resume · s stop · , slower · . faster · + louder · - quieter"
      + " · t tone on/off · g ground me · h help";

  private final Terminal terminal;
  private final Attributes saved;
  private final Thread thread;
  private volatile boolean running = true;

  private KeyboardCommands(Terminal terminal, Consumer<Command> commands) {
    this.terminal = terminal;
    this.saved = terminal.enterRawMode();
    this.thread = new Thread(() -> readKeys(commands), "keyboard");
    this.thread.setDaemon(true);
  }

  /** The command a key stands for, if any. */
  public static Optional<Command> forKey(char key) {
    return Optional.ofNullable(KEYS.get(Character.toLowerCase(key)));
  }

  /** Starts reading keys from the terminal, sending each command to {@code commands}. */
  public static KeyboardCommands start(Consumer<Command> commands) throws IOException {
    KeyboardCommands k = new KeyboardCommands(TerminalBuilder.builder().system(true).build(), commands);
    k.thread.start();
    return k;
  }

  private void readKeys(Consumer<Command> commands) {
    NonBlockingReader reader = terminal.reader();
    try {
      while (running) {
        int c = reader.read(200);
        if (c >= 0) {
          forKey((char) c).ifPresent(commands);
        } else if (c == NonBlockingReader.EOF) {
          return;
        }
      }
    } catch (IOException e) {
      running = false;
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
