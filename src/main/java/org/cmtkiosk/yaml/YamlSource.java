package org.cmtkiosk.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * (too big, not UTF-8, tabs, empty, not YAML, not a mapping) into a {@link Problem} instead of an exception.
 */
public final class YamlSource {
  /** Practice scripts and configs are a few kilobytes; anything this big is a mistake (a pasted log, an audio file). */
  public static final long MAX_BYTES = 256 * 1024;

  private YamlSource() {}

  /** Returns the top-level mapping, or empty after recording why the file cannot be read. */
  public static Optional<MappingNode> readMapping(Path file, Problems problems) {
    Optional<String> text = readText(file, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return parseMapping(text.get(), problems);
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

  private static Optional<String> readText(Path file, Problems problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(1, 1, "the file is " + size / 1024 + " KiB, far larger than any script or config (limit "
            + MAX_BYTES / 1024 + " KiB)", "check this is the right file; split very long practices in two");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      problems.add(1, 1, "the file is not UTF-8 text (is it a binary or a word-processor file?)",
          "save it as plain text in UTF-8");
    } catch (IOException e) {
      problems.add(1, 1, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "check that it exists and that this user may read it");
    }
    return Optional.empty();
  }

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
