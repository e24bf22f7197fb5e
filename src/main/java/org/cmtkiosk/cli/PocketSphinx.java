package org.cmtkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PocketSphinx command-line recogniser from Debian, with its default US English acoustic model, dictionary and
 * language model: an independent listener for scoring how clearly the voice speaks. Debian 12 ships
 * {@code pocketsphinx_continuous} (0.8+5prealpha); later releases ship PocketSphinx 5's {@code pocketsphinx}.
 */
final class PocketSphinx {
  static final String INSTALL = "install it with: apt-get install pocketsphinx pocketsphinx-en-us";
  private static final long TIMEOUT_MINUTES = 60;

  private final Path program;

  private PocketSphinx(Path program) {
    this.program = program;
  }

  /** The recogniser on the PATH, or empty if neither command is installed. */
  static Optional<PocketSphinx> find() {
    for (String name : List.of("pocketsphinx", "pocketsphinx_continuous")) {
      Optional<Path> found = onPath(name);
      if (found.isPresent()) {
        return Optional.of(new PocketSphinx(found.get()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable).findFirst();
  }

  /** What is run, for the report. */
  String describe() {
    return String.join(" ", command(Path.of("FILE.wav"))) + " (default en-us model and language model)";
  }

  private boolean isVersion5() {
    return program.getFileName().toString().equals("pocketsphinx");
  }

  private List<String> command(Path wav) {
    return isVersion5() ? List.of(program.toString(), "single", wav.toString())
        : List.of(program.toString(), "-infile", wav.toString(), "-logfn", "/dev/null");
  }

  /**
   * The words heard in {@code wav} (16 kHz, 16-bit mono), as one line of text. The recogniser is ended if this
   * process is (a shutdown hook), so an interrupted bench leaves nothing running.
   */
  String transcribe(Path wav) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("pocketsphinx", ".log");
    try {
      Process process = new ProcessBuilder(command(wav)).redirectError(errors.toFile()).start();
      Thread reaper = new Thread(process::destroyForcibly, "pocketsphinx-reaper");
      Runtime.getRuntime().addShutdownHook(reaper);
      String out;
      try {
        process.getOutputStream().close();
        out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          throw new IOException(program + " did not finish within " + TIMEOUT_MINUTES + " minutes on " + wav);
        }
      } finally {
        process.destroyForcibly();
        Runtime.getRuntime().removeShutdownHook(reaper);
      }
      if (process.exitValue() != 0) {
        throw new IOException(program + " failed on " + wav + " (exit " + process.exitValue() + "): "
            + lastLine(errors));
      }
      return isVersion5() ? textOfJsonLines(out) : String.join(" ", out.strip().split("\\s*\\n\\s*"));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** PocketSphinx 5 writes one JSON object per utterance; its text is in "t". */
  static String textOfJsonLines(String out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : out.strip().split("\\n")) {
      if (!line.isBlank()) {
        JsonNode node = json.readTree(line);
        texts.add(node.path("t").asText(""));
      }
    }
    return String.join(" ", texts).strip();
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
  }
}
