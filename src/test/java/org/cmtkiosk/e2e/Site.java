package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One end-to-end test's installation: the test practices (and any shipped ones it needs), a config pointing at them,
 * the warmed speech cache of the unit tests, its own journal, and a folder under {@code target/e2e} for recordings
 * and logs. Measured figures go to {@code target/e2e/figures.txt} as well as the test output.
 */
public final class Site {
  /** The speech cache the unit tests fill (MaryTTS runs only for sentences missing from it). */
  static final Path SPEECH_CACHE = Path.of("target", "test-speech-cache").toAbsolutePath();
  private static final Path ROOT = Path.of("target", "e2e").toAbsolutePath();
  private static final List<String> TEST_PRACTICES = List.of("e2e-tone", "e2e-stop", "e2e-voice");
  private static final Map<String, Path> RENDERS = new HashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean prepared;

  private final Path dir;
  private final Path scripts;

  private Site(Path dir) throws IOException {
    this.dir = dir;
    this.scripts = dir.resolve("scripts");
    Files.createDirectories(scripts);
    for (String id : TEST_PRACTICES) {
      try (InputStream in = Site.class.getResourceAsStream("/e2e/scripts/" + id + ".yaml")) {
        Files.write(scripts.resolve(id + ".yaml"), in.readAllBytes());
      }
    }
    Files.copy(Path.of("scripts", "grounding.yaml"), scripts.resolve("grounding.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A fresh site for {@code name} (a test class), with every sentence of its practices in the speech cache. */
  public static Site of(String name) throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(Program.jar()), "no " + Program.jar() + ": the end-to-end tests run the "
        + "packaged program; run them with ./mvnw verify");
    Path dir = ROOT.resolve(name);
    deleteTree(dir);
    Site site = new Site(dir);
    site.prepareOnce();
    return site;
  }

  public Path dir() {
    return dir;
  }

  public Path scripts() {
    return scripts;
  }

  public Path journal() {
    return dir.resolve("journal/sessions.jsonl");
  }

  /**
   * Writes a config: the site's scripts, cache and journal, no LED, no button, voice off, no check-in questions
   * (a practice is followed by the closing words only), and quiet hours no quieter (so the level does not depend on
   * the time of day); {@code sections} replace
   * or add whole sections, e.g. {@code Map.of("audio", "give_up_after: 5s")}.
   */
  public Path config(String name, Map<String, String> sections) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("practices", "directory: " + scripts);
    all.put("speech", "cache_directory: " + SPEECH_CACHE);
    all.put("led", "mode: none");
    all.put("button", "enabled: false");
    all.put("voice", "enabled: false");
    all.put("kiosk", "check_in: false\nquiet_hours:\n  volume_db: 0");
    all.put("journal", "directory: " + dir.resolve("journal"));
    all.putAll(sections);
    String yaml = all.entrySet().stream()
        .map(e -> e.getKey() + ":\n" + e.getValue().lines().map(l -> "  " + l).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n")) + "\n";
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  public Path config() throws IOException {
    return config("kiosk", Map.of());
  }

  /** Runs {@code prepare} once per test run, so no live session waits for MaryTTS. */
  private void prepareOnce() throws IOException, InterruptedException {
    synchronized (Site.class) {
      if (!prepared) {
        assertEquals(0, run(config(), "prepare.log", "prepare"), "prepare failed; see " + dir.resolve("prepare.log"));
        prepared = true;
      }
    }
  }

  /** The practice rendered by the program's {@code render} command (24 kHz mono), once per test run. */
  public Wave render(String practice) throws IOException, InterruptedException {
    synchronized (Site.class) {
      Path wav = RENDERS.get(practice);
      if (wav == null) {
        wav = ROOT.resolve("render").resolve(practice + ".wav");
        Files.createDirectories(wav.getParent());
        assertEquals(0, run(config(), "render-" + practice + ".log", "render", practice, "--out", wav.toString()),
            "render failed; see " + dir);
        RENDERS.put(practice, wav);
      }
      return Wave.read(wav);
    }
  }

  /** Runs the program to the end without a sound card environment (render, prepare); returns its exit status. */
  public int run(Path config, String logName, String... args) throws IOException, InterruptedException {
    try (Program p = Program.start(Map.of(), config, dir.resolve(logName), false, args)) {
      return p.awaitExit(Duration.ofMinutes(3));
    }
  }

  /** Every record in the journal: start, event and end records. */
  public List<JsonNode> records() throws IOException {
    List<JsonNode> records = new java.util.ArrayList<>();
    if (Files.exists(journal())) {
      for (String line : Files.readAllLines(journal())) {
        records.add(JSON.readTree(line));
      }
    }
    return records;
  }

  /** The journal's end records (one per finished session). */
  public List<JsonNode> sessions() throws IOException {
    return records().stream().filter(r -> r.path("record").asText("end").equals("end")).toList();
  }

  /** The journal's last end record. */
  public JsonNode lastSession() throws IOException {
    List<JsonNode> ends = sessions();
    if (ends.isEmpty()) {
      throw new AssertionError("no session was journalled in " + journal());
    }
    return ends.get(ends.size() - 1);
  }

  /** How each practice of the journal's last session ended, e.g. ["e2e-voice ended_early_grounding_offered", ...]. */
  public List<String> lastOutcomes() throws IOException {
    List<String> outcomes = new java.util.ArrayList<>();
    lastSession().path("practices").forEach(p -> outcomes.add(p.path("practice").asText() + " "
        + p.path("outcome").asText()));
    return outcomes;
  }

  /** Records a measured figure for the report. */
  public static void figure(String what, String value) {
    String line = String.format("%-58s %s", what, value);
    System.out.println("e2e figure: " + line);
    try {
      Files.createDirectories(ROOT);
      Files.writeString(ROOT.resolve("figures.txt"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.out.println("(could not write figures.txt: " + e.getMessage() + ")");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
