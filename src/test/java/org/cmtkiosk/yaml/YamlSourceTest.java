package org.cmtkiosk.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cmtkiosk.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are read, and never more than the limit, whatever the file claims to be. */
class YamlSourceTest {
  /** Reading a special file must answer at once; a FIFO would otherwise block until a writer came. */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  @TempDir
  Path dir;

  private static Problem onlyProblem(Path file) {
    Problems problems = new Problems(file);
    Optional<YamlSource.Text> text = assertTimeoutPreemptively(AT_ONCE, () -> YamlSource.readText(file, problems));
    assertTrue(text.isEmpty());
    assertEquals(1, problems.list().size(), problems.list()::toString);
    return problems.list().get(0);
  }

  @Test
  void aFifoIsNamedAtOnceAndNeverOpened() throws Exception {
    Problem p = onlyProblem(SpecialFiles.fifo(dir.resolve("pipe.yaml")));
    assertTrue(p.what().contains("a named pipe (FIFO), not a regular file"), p::toString);
    assertTrue(p.toString().startsWith(dir.resolve("pipe.yaml") + ":1:1: "), p::toString);
  }

  @Test
  void aSymlinkToDevZeroIsNamedAsADeviceNotReadForever() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
    Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
    Problem p = onlyProblem(link);
    assertTrue(p.what().contains("a character device (through a symbolic link to /dev/zero)"), p::toString);
  }

  @Test
  void aFolderIsNamedAsAFolder() throws IOException {
    Problem p = onlyProblem(Files.createDirectory(dir.resolve("folder.yaml")));
    assertTrue(p.what().contains("a folder, not a regular file"), p::toString);
  }

  @Test
  void aFileOverTheLimitIsRefusedAfterReadingOnlyOneByteMore() throws IOException {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "#".repeat((int) YamlSource.MAX_BYTES + 1));
    assertTrue(onlyProblem(file).what().contains("larger than 256 KiB"));
  }

  @Test
  void aFileExactlyAtTheLimitIsRead() throws IOException {
    Path file = dir.resolve("full.yaml");
    Files.writeString(file, "a: b\n" + "#".repeat((int) YamlSource.MAX_BYTES - 5));
    Problems problems = new Problems(file);
    assertTrue(YamlSource.readMapping(file, problems).isPresent(), problems.list()::toString);
  }

  @Test
  void aMissingFileIsNamed() {
    assertTrue(onlyProblem(dir.resolve("none.yaml")).what().contains("does not exist"));
  }
}
