package org.cmtkiosk.journal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Why an I/O operation failed, in a few words a person can act on ("no space left on device"). */
public final class IoProblems {
  private IoProblems() {}

  /** The reason without the path (callers name the file themselves). */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    String message = e.getMessage();
    if (e instanceof java.io.FileNotFoundException && message != null && message.endsWith(")")
        && message.contains(" (")) {
      message = message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
    }
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
