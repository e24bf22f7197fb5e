package org.cmtkiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.yaml.Problems;

/** Writes practice scripts into a folder for tests. */
public final class Scripts {
  /** A valid header; append steps after it. */
  public static final String HEADER = """
      id: %s
      title: Test practice
      spoken_name: %s
      duration: 2m
      description: A practice used by tests.
      intensity: gentle
      concept: testing
      steps:
      """;

  private Scripts() {}

  public static Path write(Path dir, String fileName, String text) {
    try {
      Path file = dir.resolve(fileName);
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code id}.yaml with the header and the given steps, and loads it (failing if it has problems). */
  public static Practice practice(Path dir, String id, String steps) {
    Path file = write(dir, id + ".yaml", HEADER.formatted(id, id.replace('-', ' ')) + steps);
    Problems problems = new Problems(file);
    return org.cmtkiosk.practice.PracticeLoader.load(file, problems)
        .orElseThrow(() -> new AssertionError("test script has problems: " + problems.list()));
  }
}
