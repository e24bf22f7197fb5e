package org.cmtkiosk.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The files and folders a command was told to write ({@link OutputPath} options): checked before the command does
 * any slow work, and any failure to use a path later explained in one line with the fix instead of a stack trace.
 */
public final class OutputPaths {
  private static final Pattern FILE_NOT_FOUND = Pattern.compile("(.*) \\((.*)\\)");

  /** One output option as given on the command line. */
  record Output(String option, Path path, boolean folder) {}

  /** One line for the user, and whether it was about an output path. */
  public record Failure(String line, boolean output) {}

  private OutputPaths() {}

  /** Why one of the command's output paths cannot be written, in one line, or empty when all can be. */
  public static Optional<String> check(ParseResult parsed) {
    for (Output o : outputs(parsed, false)) {
      try {
        probe(o);
      } catch (IOException e) {
        return Optional.of(line(o.path(), o.option(), e));
      }
    }
    return Optional.empty();
  }

  /**
   * One line for an input/output failure anywhere in {@code e}'s causes, or empty when it is not one (a bug,
   * which keeps its stack trace).
   */
  public static Optional<Failure> explain(Throwable e, ParseResult parsed) {
    Optional<IOException> io = ioCause(e);
    if (io.isEmpty()) {
      return Optional.empty();
    }
    Path failed = pathOf(io.get());
    for (Output o : outputs(parsed, true)) {
      if (failed != null && related(failed, o.path())) {
        return Optional.of(new Failure(line(failed, o.option(), io.get()), true));
      }
    }
    String what = failed == null ? io.get().getMessage() : failed + ": " + reason(io.get());
    return Optional.of(new Failure(what + " — check that the path exists and that this user may use it", false));
  }

  private static void probe(Output o) throws IOException {
    Path path = o.path();
    if (o.folder()) {
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw new FileSystemException(path.toString(), null, "Not a directory");
      }
      try {
        Files.createDirectories(path);
      } catch (NoSuchFileException e) {
        throw new FileSystemException(path.toString(), null, "No new folders can be made in " + existing(path));
      }
      createAndDelete(path);
      return;
    }
    if (Files.isDirectory(path)) {
      throw new FileSystemException(path.toString(), null, "Is a directory");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      throw new NoSuchFileException(parent.toString(), null, "No such file or directory");
    }
    if (!Files.exists(path) || Files.isRegularFile(path)) {
      createAndDelete(parent);
    }
  }

  private static Path existing(Path path) {
    Path p = path.toAbsolutePath();
    while (p.getParent() != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p;
  }

  private static void createAndDelete(Path folder) throws IOException {
    try {
      Files.delete(Files.createTempFile(folder, ".cmt-kiosk-", ".probe"));
    } catch (NoSuchFileException e) {
      throw new FileSystemException(folder.toString(), null, "No new files can be made in " + folder);
    }
  }

  /** The command's output options given on the command line, and with {@code defaults} those left at default. */
  private static List<Output> outputs(ParseResult parsed, boolean defaults) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    List<Output> outputs = new ArrayList<>();
    for (OptionSpec option : defaults ? last.commandSpec().options() : last.matchedOptions()) {
      if (option.userObject() instanceof Field field && field.isAnnotationPresent(OutputPath.class)
          && option.getValue() instanceof Path path) {
        outputs.add(new Output(option.longestName(), path, field.getAnnotation(OutputPath.class).folder()));
      }
    }
    return outputs;
  }

  private static Optional<IOException> ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException u) {
        return Optional.of(u.getCause());
      }
      if (t instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }

  private static Path pathOf(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return Path.of(f.getFile());
    }
    Matcher m = e instanceof FileNotFoundException && e.getMessage() != null
        ? FILE_NOT_FOUND.matcher(e.getMessage()) : null;
    return m != null && m.matches() ? Path.of(m.group(1)) : null;
  }

  /** The same path, one inside the other, or side by side (a temporary file beside the output). */
  private static boolean related(Path failed, Path output) {
    Path a = failed.toAbsolutePath().normalize();
    Path b = output.toAbsolutePath().normalize();
    return a.startsWith(b) || b.startsWith(a) || a.getParent() != null && a.getParent().equals(b.getParent());
  }

  private static String line(Path path, String option, IOException e) {
    String reason = reason(e);
    return "cannot write " + path + " (" + option + "): " + reason.toLowerCase(Locale.ROOT) + " — " + fix(reason);
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof FileSystemException f) {
      return f.getReason() != null ? f.getReason() : e instanceof NoSuchFileException ? "No such file or directory"
          : e.getClass().getSimpleName();
    }
    Matcher m = e.getMessage() == null ? null : FILE_NOT_FOUND.matcher(e.getMessage());
    return m != null && m.matches() ? m.group(2) : String.valueOf(e.getMessage());
  }

  private static String fix(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("read-only")) {
      return "that disk is mounted read-only; choose a place on a writable disk";
    } else if (r.contains("no space") || r.contains("quota")) {
      return "free some space or choose another disk";
    } else if (r.contains("permission") || r.contains("not permitted")) {
      return "choose a place this user may write to, or run as a user who may";
    } else if (r.contains("no such file")) {
      return "choose a folder that exists, or create it first";
    } else if (r.contains("is a directory")) {
      return "name a file inside that folder, not the folder itself";
    } else if (r.contains("not a directory")) {
      return "part of the path is a file, not a folder; check the path";
    }
    return "choose a place this user can write to";
  }
}
