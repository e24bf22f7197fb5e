package org.cmtkiosk.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a journal one line at a time, never the whole file: any line that is not an entry (invalid UTF-8, not JSON,
 * {@code null}, cut short, absurdly long) is skipped and described with its line number; the rest still reads.
 */
public final class JournalReader implements Closeable {
  /** Longer lines are not records (a real one is well under 4 KiB); they are skipped without being held. */
  static final int MAX_LINE_BYTES = 1 << 20;

  private final Path file;
  private final InputStream in;
  private final Consumer<String> problems;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private int lineLength;
  private boolean overlong;
  private boolean terminated;
  private long lineNumber;
  private long badLines;

  private JournalReader(Path file, InputStream in, Consumer<String> problems) {
    this.file = file;
    this.in = in;
    this.problems = problems;
  }

  /** One entry and the line it is on (counting from 1). */
  public record Line(long number, JournalEntry entry) {}

  /** Opens {@code file} for reading; each skipped line is described to {@code problems} as "file:line: why". */
  public static JournalReader open(Path file, Consumer<String> problems) throws IOException {
    return new JournalReader(file, Files.newInputStream(file), problems);
  }

  /** The next entry, or null at the end of the file. */
  public Line read() throws IOException {
    while (readLine()) {
      JournalEntry entry = entry();
      if (entry != null) {
        return new Line(lineNumber, entry);
      }
    }
    return null;
  }

  /** Sees every line as it is in the file, with its entry or null when it is not one (for rewriting). */
  interface LineVisitor {
    void line(byte[] bytes, int length, boolean terminated, JournalEntry entry) throws IOException;
  }

  /**
   * Calls {@code visitor} for every line except those too long to be records (which are dropped), in order, with
   * the line's bytes (without its newline) and its entry if it is one.
   */
  void forEachLine(LineVisitor visitor) throws IOException {
    while (readLine()) {
      if (!overlong) {
        visitor.line(line, lineLength, terminated, entry());
      }
    }
  }

  /** How many lines were skipped so far. */
  public long badLines() {
    return badLines;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private JournalEntry entry() {
    if (overlong) {
      return skip("longer than " + MAX_LINE_BYTES / 1024 + " KiB, so not a session record");
    }
    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    String text;
    try {
      text = utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      return skip("not valid UTF-8 text (a damaged byte)");
    }
    if (text.isBlank()) {
      return null;
    }
    try {
      return JournalLines.decode(text);
    } catch (JournalLines.BadLine e) {
      return skip(terminated ? e.getMessage()
          : "cut short (a power cut or crash during a write, or a record being written right now)");
    }
  }

  private JournalEntry skip(String why) {
    badLines++;
    problems.accept(file + ":" + lineNumber + ": " + why + " — skipped");
    return null;
  }

  /** Reads the next line's bytes into {@code line}; false at the end of the file. */
  private boolean readLine() throws IOException {
    lineLength = 0;
    overlong = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        terminated = false;
        lineNumber += any ? 1 : 0;
        return any;
      }
      any = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      append(end - pos);
      pos = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        terminated = true;
        lineNumber++;
        return true;
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    pos = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private int indexOfNewline() {
    for (int i = pos; i < limit; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int n) {
    if (overlong || n == 0) {
      return;
    }
    if (lineLength + n > MAX_LINE_BYTES) {
      overlong = true;
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(chunk, pos, line, lineLength, n);
    lineLength += n;
  }
}
