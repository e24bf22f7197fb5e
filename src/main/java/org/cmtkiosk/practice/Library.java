package org.cmtkiosk.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cmtkiosk.practice.PracticeLoader.Loaded;
import org.cmtkiosk.yaml.Problem;
import org.cmtkiosk.yaml.Problems;

/**
 * Every practice in a scripts directory. A broken file is reported and skipped; it never hides the others. Ids and
 * spoken names are unique across the library, and spoken names are far enough apart by ear. When two files clash,
 * the one that was there first keeps its place (grounding first, then the older file, then the file name) and the
 * other is reported naming both; a spoken name that is another practice's id always loses, so a new script can never
 * take over "grounding".
 */
public final class Library {
  /** The safety landing every "too much" leads to: bound to this id, never to whatever is called "grounding". */
  public static final String GROUNDING_ID = "grounding";

  private final Path directory;
  private final List<Practice> practices;
  private final List<Problem> problems;
  private final Optional<Practice> grounding;

  private Library(Path directory, List<Practice> practices, List<Problem> problems) {
    this(directory, practices, problems, practices.stream().filter(p -> p.id().equals(GROUNDING_ID)).findFirst());
  }

  private Library(Path directory, List<Practice> practices, List<Problem> problems, Optional<Practice> grounding) {
    this.directory = directory;
    this.practices = List.copyOf(practices);
    this.problems = List.copyOf(problems);
    this.grounding = grounding;
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking the format only. */
  public static Library load(Path directory) {
    return load(directory, null);
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking format and (if given) content rules. */
  public static Library load(Path directory, ContentRules rules) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = scripts(directory, problems);
    Library all = build(directory, files, List.of(), rules, new IdentityHashMap<>());
    problems.addAll(all.problems);
    return new Library(directory, all.practices, problems);
  }

  /**
   * Checks {@code files} as members of the library in {@code directory} (for {@code validate FILES}): their own
   * problems, and clashes with the other practices there, are reported. A file from elsewhere with the id of a
   * library practice stands in for it (a draft of that practice). The result holds only the named files' valid
   * practices and problems (and other files' problems that name them), and the whole library's safety landing.
   */
  public static Library check(Path directory, List<Path> files, ContentRules rules) {
    Set<Path> named = files.stream().map(Library::real).collect(Collectors.toSet());
    Set<String> drafted = files.stream().map(Library::stemOf).collect(Collectors.toSet());
    List<Path> library = scripts(directory, new ArrayList<>()).stream()
        .filter(p -> named.contains(real(p)) || !drafted.contains(stemOf(p))).toList();
    Set<Path> inLibrary = library.stream().map(Library::real).collect(Collectors.toSet());
    List<Path> newcomers = files.stream().filter(f -> !inLibrary.contains(real(f))).toList();
    Map<Problem, Path> partners = new IdentityHashMap<>();
    Library all = build(directory, library, newcomers, rules, partners);
    List<Problem> mine = all.problems.stream()
        .filter(p -> named.contains(real(p.file())) || partners.containsKey(p) && named.contains(real(partners.get(p))))
        .toList();
    List<Practice> valid = all.practices.stream().filter(p -> named.contains(real(p.source()))).toList();
    return new Library(directory, valid, mine, all.grounding);
  }

  private static List<Path> scripts(Path directory, List<Problem> problems) {
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(Library::isScript).sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(directory, 1, 1, "cannot read the scripts directory (" + e.getMessage() + ")",
          "set 'practices.directory' in the config to the folder holding the .yaml scripts"));
      return List.of();
    }
  }

  /**
   * Loads {@code library} files, then {@code newcomers}, and admits them in order of precedence: the grounding
   * practice, the other library files, then newcomers; within each, the older file (to the second, so files checked
   * out together keep name order), then the file name. A clash
   * problem is recorded with the earlier file it clashes with in {@code partners}.
   */
  private static Library build(Path directory, List<Path> library, List<Path> newcomers, ContentRules rules,
      Map<Problem, Path> partners) {
    List<Problem> problems = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Path file : library) {
      load(file, stemOf(file).equals(GROUNDING_ID) ? 0 : 1, rules, problems).ifPresent(candidates::add);
    }
    for (Path file : newcomers) {
      load(file, 2, rules, problems).ifPresent(candidates::add);
    }
    candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparingLong(c -> c.modified().to(TimeUnit.SECONDS))
        .thenComparing(c -> c.loaded().practice().source().getFileName().toString()));
    Map<String, Loaded> byId = new HashMap<>();
    candidates.forEach(c -> byId.putIfAbsent(c.loaded().practice().id(), c.loaded()));
    List<Loaded> admitted = new ArrayList<>();
    for (Candidate c : candidates) {
      Problems clashes = new Problems(c.loaded().practice().source());
      Optional<Path> partner = clash(c.loaded(), admitted, byId, clashes);
      if (clashes.isEmpty()) {
        admitted.add(c.loaded());
      }
      clashes.list().forEach(p -> partner.ifPresent(path -> partners.put(p, path)));
      problems.addAll(clashes.list());
    }
    List<Practice> practices = admitted.stream().map(Loaded::practice)
        .sorted(Comparator.comparing(Practice::id)).toList();
    return new Library(directory, practices, problems);
  }

  private static Optional<Candidate> load(Path file, int rank, ContentRules rules, List<Problem> problems) {
    Problems fileProblems = new Problems(file);
    Optional<Loaded> loaded = PracticeLoader.loadPlaced(file, fileProblems, rules);
    problems.addAll(fileProblems.list());
    return loaded.map(l -> new Candidate(l, rank, modified(file)));
  }

  /** One loaded file waiting for its place; lower ranks and older files come first. */
  private record Candidate(Loaded loaded, int rank, FileTime modified) {}

  /**
   * Records why {@code c} cannot join the practices already admitted, and returns the file it clashes with. A
   * spoken name that is another valid practice's id always loses, whichever file is older.
   */
  private static Optional<Path> clash(Loaded c, List<Loaded> admitted, Map<String, Loaded> byId,
      Problems problems) {
    Practice p = c.practice();
    String name = p.spokenName();
    Loaded owner = byId.get(name.replace(' ', '-'));
    if (owner != null && owner != c && !owner.practice().id().equals(p.id())) {
      problems.add(c.spokenName().line(), c.spokenName().column(), "the spoken name '" + name + "' is the id of "
          + "another practice, " + owner.id(), "choose another spoken name: a person saying '" + name
          + "' must get " + owner.practice().source().getFileName() + "; this practice is left out until then");
      return Optional.of(owner.practice().source());
    }
    for (Loaded other : admitted) {
      Practice o = other.practice();
      if (o.id().equals(p.id())) {
        problems.add(c.id().line(), c.id().column(), "the id '" + p.id() + "' is already used by " + other.id(),
            "give this practice its own id and file name; it is left out until then");
      } else if (o.spokenName().equals(name)) {
        problems.add(c.spokenName().line(), c.spokenName().column(), "the spoken name '" + name
            + "' is already used by " + other.spokenName(), "choose another spoken name for this practice; "
            + "it is left out until then, and " + o.source().getFileName() + " keeps the name");
      } else if (SoundAlike.alike(name, o.spokenName())) {
        problems.add(c.spokenName().line(), c.spokenName().column(), "the spoken name '" + name + "' sounds too "
            + "much like '" + o.spokenName() + "' (" + other.spokenName() + "); a listener or the recogniser could "
            + "take one for the other", "choose a spoken name that sounds different (other words, not the same "
            + "words reordered); this practice is left out until then");
      } else {
        continue;
      }
      return Optional.of(o.source());
    }
    return Optional.empty();
  }

  private static String stemOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Script files by name; what they are (a FIFO, a folder) is reported when they are read, never waited on. */
  private static boolean isScript(Path p) {
    String name = p.getFileName().toString();
    return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
  }

  public List<Practice> practices() {
    return practices;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Finds a practice by id, else by spoken name (ids first, so "grounding" is always the grounding practice). */
  public Optional<Practice> find(String idOrName) {
    return byId(idOrName).or(() -> practices.stream()
        .filter(p -> p.spokenName().equalsIgnoreCase(idOrName.strip()))
        .findFirst());
  }

  /** The practice with exactly this id. */
  public Optional<Practice> byId(String id) {
    return practices.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The safety landing: the valid practice with id {@value #GROUNDING_ID}. */
  public Optional<Practice> grounding() {
    return grounding;
  }

  /**
   * Why the kiosk has no safety landing, if it has none: {@code grounding.yaml} is missing or has problems. Then
   * "too much", a long press and "stop" in an evocative practice have nowhere to lead.
   */
  public Optional<Problem> safetyLandingProblem() {
    if (grounding().isPresent()) {
      return Optional.empty();
    }
    Path file = directory == null ? Path.of(GROUNDING_ID + ".yaml") : directory.resolve(GROUNDING_ID + ".yaml");
    String what = Files.exists(file) ? "NO SAFETY LANDING: the grounding practice is not valid (see its problems)"
        : "NO SAFETY LANDING: there is no grounding practice (" + GROUNDING_ID + ".yaml) in " + file.getParent();
    return Optional.of(new Problem(file, 1, 1, what + ", so 'too much', a long press and 'stop' in an evocative "
        + "practice have no grounding to lead to", "fix or restore the shipped " + GROUNDING_ID + ".yaml (a "
        + "practice with id '" + GROUNDING_ID + "')"));
  }
}
