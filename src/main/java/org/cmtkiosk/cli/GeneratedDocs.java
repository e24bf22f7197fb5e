package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.AutoComplete;

/**
 * Writes the man page and the bash completion script from the command line's model; the Maven build runs it at
 * {@code prepare-package} into {@code target/generated-docs} for the Debian package to install.
 */
public final class GeneratedDocs {
  /** The man page's file name. */
  public static final String MAN_PAGE = "cmt-kiosk.1";
  /** The bash completion script's file name. */
  public static final String COMPLETION = "cmt-kiosk-completion.bash";

  private GeneratedDocs() {}

  /** {@code GeneratedDocs OUT_DIR VERSION}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GeneratedDocs OUT_DIR VERSION");
    }
    write(Path.of(args[0]), args[1]);
  }

  /** Writes both files into {@code dir}, dated by SOURCE_DATE_EPOCH when set (reproducible builds). */
  public static List<Path> write(Path dir, String version) throws IOException {
    Files.createDirectories(dir);
    Path man = dir.resolve(MAN_PAGE);
    Files.writeString(man, ManPage.of(Main.commandLine(), version, buildDate()), StandardCharsets.UTF_8);
    Path completion = dir.resolve(COMPLETION);
    Files.writeString(completion, AutoComplete.bash("cmt-kiosk", Main.commandLine()), StandardCharsets.UTF_8);
    return List.of(man, completion);
  }

  private static LocalDate buildDate() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    return epoch == null || epoch.isBlank() ? LocalDate.now(ZoneOffset.UTC)
        : LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
  }
}
