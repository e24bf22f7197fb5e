package org.cmtkiosk.practice;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.cmtkiosk.yaml.YamlSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks one practice script, collecting every problem in it. */
public final class PracticeLoader {
  static final Set<String> KEYS = Set.of("id", "title", "spoken_name", "duration", "description", "intensity",
      "pacer", "concept", "steps");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private PracticeLoader() {}

  /** A loaded practice and where its id and spoken name are written, for messages that name both files. */
  record Loaded(Practice practice, Place id, Place spokenName) {}

  /** A line and column in a practice's file, shown as {@code file:line:column}. */
  record Place(Path file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /** The practice if it also keeps the content rules, or empty with the reasons in {@code problems}. */
  public static Optional<Practice> load(Path file, Problems problems, ContentRules rules) {
    return loadPlaced(file, problems, rules).map(Loaded::practice);
  }

  /** The practice if its format is right (content rules not checked), or empty with the reasons. */
  public static Optional<Practice> load(Path file, Problems problems) {
    return loadPlaced(file, problems, null).map(Loaded::practice);
  }

  /** As {@link #load(Path, Problems, ContentRules)} (rules may be null), keeping the places of id and spoken name. */
  static Optional<Loaded> loadPlaced(Path file, Problems problems, ContentRules rules) {
    Optional<Loaded> loaded = loadEvenIfBroken(file, problems, rules);
    return problems.isEmpty() ? loaded : Optional.empty();
  }

  /**
   * As {@link #loadPlaced}, but also returns a practice that breaks a content rule or has a wrong id, so its id and
   * spoken name can still be compared with the library's (empty only where the format itself is broken).
   */
  static Optional<Loaded> loadEvenIfBroken(Path file, Problems problems, ContentRules rules) {
    Optional<Loaded> loaded = read(file, problems);
    if (rules != null) {
      loaded.ifPresent(l -> rules.check(l.practice(), problems));
    }
    return loaded;
  }

  private static Optional<Loaded> read(Path file, Problems problems) {
    Optional<YamlSource.Text> text = YamlSource.readText(file, problems);
    Optional<MappingNode> root = text.flatMap(t -> YamlSource.parseMapping(t.content(), problems));
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Fields f = new Fields(root.get(), KEYS, "the practice", problems);
    Optional<String> id = f.text("id", true, "add 'id:' with a short name like safe-place (lower case, dashes)");
    id.filter(value -> !ID.matcher(value).matches()).ifPresent(value -> problems.at(f.raw("id").get(),
        "the id '" + value + "' has spaces, capitals or symbols", "use lower-case words joined by dashes"));
    String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    id.filter(value -> ID.matcher(value).matches() && !value.equals(expected)).ifPresent(value -> problems.at(
        f.raw("id").get(), "the id '" + value + "' differs from the file name '" + expected + "'",
        "rename the file to " + value + ".yaml or change the id to " + expected));
    Optional<String> title = f.text("title", true, "add 'title:' with the practice's name as people see it");
    Optional<String> spoken = f.text("spoken_name", true,
        "add 'spoken_name:' with the words a person says to choose it, e.g. breathing");
    Optional<Duration> target = f.duration("duration", true, Duration.ofSeconds(30), Duration.ofMinutes(60));
    Optional<String> description = f.text("description", true, "add 'description:' with one sentence for staff");
    Optional<String> intensity = f.oneOf("intensity", true, List.of("gentle", "evocative"));
    Optional<Boolean> pacer = f.bool("pacer");
    Optional<String> concept = f.text("concept", true, "add 'concept:' naming the CMT exercise it implements");
    int beforeSteps = problems.list().size();
    f.requireKey("steps", "add 'steps:' with a list of say, pause, breathe, ask and chime steps");
    List<Step> steps = f.list("steps", "write each step on its own line starting with '- '")
        .map(list -> StepReader.readAll(list, problems)).orElse(List.of());
    // A wrong id (say, a copied script's) still lets the content rules speak, so every problem shows at once.
    boolean complete = Stream.of(id, title, spoken, target, description, intensity, concept)
        .allMatch(Optional::isPresent) && problems.list().size() == beforeSteps;
    if (!complete) {
      return Optional.empty();
    }
    Practice practice = new Practice(id.get(), title.get(), spoken.get().toLowerCase(Locale.ROOT), target.get(),
        description.get(), Intensity.valueOf(intensity.get().toUpperCase(Locale.ROOT)),
        pacer.orElse(steps.stream().anyMatch(s -> s instanceof Step.Breathe)), concept.get(), steps, file,
        versionOf(text.get().bytes()));
    return Optional.of(new Loaded(practice, placeOf(file, f.raw("id").get()),
        placeOf(file, f.raw("spoken_name").get())));
  }

  private static Place placeOf(Path file, Node node) {
    return new Place(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /** The first 12 hex digits of the script's SHA-256 (of the bytes parsed), so a record names the exact script. */
  static String versionOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
