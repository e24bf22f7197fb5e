package org.cmtkiosk.journal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Journal files are the service user's alone: files 0600, folders 0700, set when they are created. */
final class PrivateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PrivateFiles() {}

  /** Attributes for a new file readable and writable by its owner only (none where there are no POSIX modes). */
  static FileAttribute<?>[] ownerOnly() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
  }

  /** Creates {@code directory} and missing parents; the last one is made 0700. */
  static void createDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Files.createDirectories(directory);
    if (POSIX) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Makes an existing file 0600 (a file left by an older version or created elsewhere). */
  static void restrict(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
