package org.cmtkiosk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A tiny real tmpfs, for a disk that is really full or really read-only. Needs root and the right to mount; tests
 * that use it are skipped, with the reason, where that is not allowed.
 */
public final class Tmpfs implements AutoCloseable {
  private final Path mountPoint;

  private Tmpfs(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code sizeKib} KiB on {@code mountPoint} (an empty folder), or skips the test. */
  public static Tmpfs mount(Path mountPoint, int sizeKib) throws IOException, InterruptedException {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "a tmpfs can only be mounted as root; run the tests as root to check a real full or read-only disk");
    Files.createDirectories(mountPoint);
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + sizeKib + "k", "tmpfs", mountPoint.toString())
        == 0, "mount -t tmpfs is not allowed here (a container without CAP_SYS_ADMIN?)");
    return new Tmpfs(mountPoint);
  }

  public Path path() {
    return mountPoint;
  }

  /** Fills the file system to the last byte with {@code name}; returns the filler so it can be deleted. */
  public Path fill(String name) throws IOException {
    Path filler = mountPoint.resolve(name);
    byte[] block = new byte[512];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // The disk is full now.
    }
    try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
      while (true) {
        out.write(0);
        out.flush();
      }
    } catch (IOException full) {
      return filler;
    }
  }

  /** Makes the whole file system read-only, as a failing SD card does. */
  public void readOnly() throws IOException, InterruptedException {
    if (run("mount", "-o", "remount,ro", mountPoint.toString()) != 0) {
      throw new IOException("could not remount " + mountPoint + " read-only");
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", mountPoint.toString());
  }

  private static int run(String... command) throws IOException, InterruptedException {
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start().waitFor();
  }
}
