package org.cmtkiosk.practice;

import java.io.IOException;
import java.nio.file.Files;
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
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.cmtkiosk.yaml.YamlSource;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Reads and checks one practice script, collecting every problem in it. */
public final class PracticeLoader {
  static final Set<String> KEYS = Set.of("id", "title", "spoken_name", "duration", "description", "intensity",
      "pacer", "concept", "steps");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private PracticeLoader() {}

  /** The practice if it also keeps the content rules, or empty with the reasons in {@code problems}. */
  public static Optional<Practice> load(Path file, Problems problems, ContentRules rules) {
    Optional<Practice> practice = load(file, problems);
    practice.ifPresent(p -> rules.check(p, problems));
    return problems.isEmpty() ? practice : Optional.empty();
  }

  /** The practice if its format is right (content rules not checked), or empty with the reasons. */
  public static Optional<Practice> load(Path file, Problems problems) {
    Optional<MappingNode> root = YamlSource.readMapping(file, problems);
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
    f.requireKey("steps", "add 'steps:' with a list of say, pause, breathe, ask and chime steps");
    List<Step> steps = f.list("steps", "write each step on its own line starting with '- '")
        .map(list -> StepReader.readAll(list, problems)).orElse(List.of());
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Practice(id.get(), title.get(), spoken.get().toLowerCase(Locale.ROOT), target.get(),
        description.get(), Intensity.valueOf(intensity.get().toUpperCase(Locale.ROOT)),
        pacer.orElse(steps.stream().anyMatch(s -> s instanceof Step.Breathe)), concept.get(), steps, file,
        versionOf(file)));
  }

  /** The first 12 hex digits of the file's SHA-256, so a journal record names the exact script it ran. */
  static String versionOf(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unknown";
    }
  }
}
