package org.cmtkiosk.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file into a node tree that remembers lines and columns, turning every way a file can be unreadable
 * (not a regular file, too big, not UTF-8, tabs, empty, not YAML, not a mapping) into a {@link Problem} instead of
 * an exception.
 */
public final class YamlSource {
  /** Practice scripts and configs are a few kilobytes; anything this big is a mistake (a pasted log, an audio file). */
  public static final long MAX_BYTES = 256 * 1024;

  private YamlSource() {}

  /** Returns the top-level mapping, or empty after recording why the file cannot be read. */
  public static Optional<MappingNode> readMapping(Path file, Problems problems) {
    return readText(file, problems).flatMap(text -> parseMapping(text.content(), problems));
  }

  /** Parses text already read from {@code problems.file()}. */
  public static Optional<MappingNode> parseMapping(String text, Problems problems) {
    if (text.isBlank()) {
      problems.add(1, 1, "the file is empty", "write the practice or setting keys into it, or delete the file");
      return Optional.empty();
    }
    if (reportTabs(text, problems)) {
      return Optional.empty();
    }
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit((int) MAX_BYTES);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      int column = mark == null ? 1 : mark.getColumn() + 1;
      problems.add(line, column, "this is not valid YAML (" + e.getProblem() + ")",
          "check the indentation and quoting on this line; text containing ': ' or '#' needs quotes");
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(1, 1, "this is not valid YAML (" + e.getMessage() + ")", "check the file is a YAML text file");
      return Optional.empty();
    }
    if (root == null) {
      problems.add(1, 1, "the file holds only comments", "add the practice or setting keys");
      return Optional.empty();
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.at(root, "the file's top level is not a set of 'key: value' lines",
          "start the file with keys such as 'id:' and 'title:' at the left margin");
      return Optional.empty();
    }
    return Optional.of(mapping);
  }

  /**
   * The file's text, read only if it is a regular file (a FIFO or device would block or never end) and only up to
   * {@link #MAX_BYTES} bytes actually read: {@code stat} says nothing true about {@code /dev/zero} or a growing file.
   */
  public static Optional<Text> readText(Path file, Problems problems) {
    try {
      String kind = kindOf(file);
      if (kind != null) {
        problems.add(1, 1, "this is " + kind + ", not a regular file", "name a plain text .yaml file instead");
        return Optional.empty();
      }
      byte[] bytes = readAtMost(file, MAX_BYTES);
      if (bytes.length > MAX_BYTES) {
        problems.add(1, 1, "the file is larger than " + MAX_BYTES / 1024 + " KiB, far larger than any script or "
            + "config", "check this is the right file; split very long practices in two");
        return Optional.empty();
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return Optional.of(new Text(text, bytes));
    } catch (CharacterCodingException e) {
      problems.add(1, 1, "the file is not UTF-8 text (is it a binary or a word-processor file?)",
          "save it as plain text in UTF-8");
    } catch (NoSuchFileException e) {
      problems.add(1, 1, "cannot read the file: it does not exist", "check the path and the file name");
    } catch (AccessDeniedException e) {
      problems.add(1, 1, "cannot read the file: this user may not read it",
          "make it readable (chmod a+r FILE) or run as a user who may read it");
    } catch (IOException e) {
      problems.add(1, 1, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "check that it exists and that this user may read it");
    }
    return Optional.empty();
  }

  /** What the path is, in words, if it is not a regular file (following symbolic links); null if it is one. */
  static String kindOf(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    if (a.isRegularFile()) {
      return null;
    }
    String via = Files.isSymbolicLink(file) ? " (through a symbolic link to " + file.toRealPath() + ")" : "";
    if (a.isDirectory()) {
      return "a folder" + via;
    }
    try {
      Object type = Files.getAttribute(file, "unix:mode");
      int mode = (Integer) type & 0170000;
      return switch (mode) {
        case 0010000 -> "a named pipe (FIFO)" + via;
        case 0020000 -> "a character device" + via;
        case 0060000 -> "a block device" + via;
        case 0140000 -> "a socket" + via;
        default -> "a special file" + via;
      };
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file" + via;
    }
  }

  /** Reads up to {@code limit + 1} bytes, so a caller can tell "at the limit" from "over it". */
  private static byte[] readAtMost(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) limit + 1);
    }
  }

  /** A file's text and the exact bytes it was decoded from (for hashing the same content that was parsed). */
  public record Text(String content, byte[] bytes) {}

  /** YAML forbids tabs for indentation; name every one so an editor can find them. */
  private static boolean reportTabs(String text, Problems problems) {
    boolean found = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int tab = lines[i].indexOf('\t');
      if (tab >= 0 && lines[i].substring(0, tab).isBlank()) {
        problems.add(i + 1, tab + 1, "a tab is used for indentation", "indent with spaces (two per level)");
        found = true;
      }
    }
    return found;
  }
}
