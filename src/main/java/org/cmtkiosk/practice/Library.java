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

  private final List<Path> directories;
  private final List<Practice> practices;
  private final List<Problem> problems;
  private final Optional<Practice> grounding;
  private final Map<String, Path> overridden;

  private Library(List<Path> directories, List<Practice> practices, List<Problem> problems,
      Map<String, Path> overridden) {
    this(directories, practices, problems, practices.stream().filter(p -> p.id().equals(GROUNDING_ID)).findFirst(),
        overridden);
  }

  private Library(List<Path> directories, List<Practice> practices, List<Problem> problems,
      Optional<Practice> grounding, Map<String, Path> overridden) {
    this.directories = List.copyOf(directories);
    this.practices = List.copyOf(practices);
    this.problems = List.copyOf(problems);
    this.grounding = grounding;
    this.overridden = Map.copyOf(overridden);
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking the format only. */
  public static Library load(Path directory) {
    return load(directory, null);
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking format and (if given) content rules. */
  public static Library load(Path directory, ContentRules rules) {
    return load(List.of(directory), rules);
  }

  /**
   * Loads the scripts of several folders: the first holds the shipped scripts, and each later one (a site's) may
   * replace a practice by holding a file with its id ({@link #overridden()} says which). Other clashes keep the
   * earlier folder's practice. A later folder that does not exist is simply not used.
   */
  public static Library load(List<Path> directories, ContentRules rules) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> overridden = new HashMap<>();
    List<List<Path>> layers = layers(directories, problems, overridden);
    Library all = build(directories, layers, rules, new IdentityHashMap<>());
    problems.addAll(all.problems);
    return new Library(directories, all.practices, problems, overridden);
  }

  /**
   * Checks {@code files} as members of the library in {@code directory} (for {@code validate FILES}): their own
   * problems, and clashes with the other practices there, are reported. A file from elsewhere with the id of a
   * library practice stands in for it (a draft of that practice). The result holds only the named files' valid
   * practices and problems (and other files' problems that name them), and the whole library's safety landing.
   */
  public static Library check(Path directory, List<Path> files, ContentRules rules) {
    return check(List.of(directory), files, rules);
  }

  /** As {@link #check(Path, List, ContentRules)}, for a library of several folders. */
  public static Library check(List<Path> directories, List<Path> files, ContentRules rules) {
    Set<Path> named = files.stream().map(Library::real).collect(Collectors.toSet());
    Set<String> drafted = files.stream().map(Library::stemOf).collect(Collectors.toSet());
    Map<String, Path> overridden = new HashMap<>();
    List<List<Path>> layers = new ArrayList<>();
    for (List<Path> layer : layers(directories, new ArrayList<>(), overridden)) {
      layers.add(layer.stream().filter(p -> named.contains(real(p)) || !drafted.contains(stemOf(p))).toList());
    }
    Set<Path> inLibrary = layers.stream().flatMap(List::stream).map(Library::real).collect(Collectors.toSet());
    layers.add(files.stream().filter(f -> !inLibrary.contains(real(f))).toList());
    Map<Problem, Path> partners = new IdentityHashMap<>();
    Library all = build(directories, layers, rules, partners);
    List<Problem> mine = all.problems.stream()
        .filter(p -> named.contains(real(p.file())) || named.contains(real(partners.getOrDefault(p, p.file()))))
        .toList();
    List<Practice> valid = all.practices.stream().filter(p -> named.contains(real(p.source()))).toList();
    return new Library(directories, valid, mine, all.grounding, overridden);
  }

  /** The script files of each folder, less those a later folder replaces (recorded in {@code overridden}). */
  private static List<List<Path>> layers(List<Path> directories, List<Problem> problems,
      Map<String, Path> overridden) {
    List<List<Path>> layers = new ArrayList<>();
    for (int i = 0; i < directories.size(); i++) {
      if (i > 0 && !Files.isDirectory(directories.get(i))) {
        continue;
      }
      List<Path> files = scripts(directories.get(i), problems);
      Set<String> ids = files.stream().map(Library::stemOf).collect(Collectors.toSet());
      for (int j = 0; j < layers.size(); j++) {
        List<Path> kept = new ArrayList<>();
        for (Path earlier : layers.get(j)) {
          if (ids.contains(stemOf(earlier))) {
            overridden.put(stemOf(earlier), earlier);
          } else {
            kept.add(earlier);
          }
        }
        layers.set(j, kept);
      }
      layers.add(files);
    }
    return layers;
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
   * Loads the files layer by layer and admits them in order of precedence: the grounding practice, then earlier
   * layers (shipped before site, library before files named to {@code validate}); within a layer, the older file
   * (to the second, so files checked out together keep name order), then the file name. A clash problem is
   * recorded with the earlier file it clashes with in {@code partners}.
   */
  private static Library build(List<Path> directories, List<List<Path>> layers, ContentRules rules,
      Map<Problem, Path> partners) {
    List<Problem> problems = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int layer = 0; layer < layers.size(); layer++) {
      for (Path file : layers.get(layer)) {
        load(file, stemOf(file).equals(GROUNDING_ID) ? 0 : layer + 1, rules, problems).ifPresent(candidates::add);
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparingLong(c -> c.modified().to(TimeUnit.SECONDS))
        .thenComparing(c -> c.loaded().practice().source().getFileName().toString()));
    Map<String, Loaded> byId = new HashMap<>();
    candidates.stream().filter(c -> !c.broken()).forEach(c -> byId.putIfAbsent(c.loaded().practice().id(),
        c.loaded()));
    List<Loaded> admitted = new ArrayList<>();
    for (Candidate c : candidates) {
      Problems clashes = new Problems(c.loaded().practice().source());
      Optional<Path> partner = clash(c.loaded(), admitted, byId, clashes);
      if (clashes.isEmpty() && !c.broken()) {
        admitted.add(c.loaded());
      }
      clashes.list().forEach(p -> partner.ifPresent(path -> partners.put(p, path)));
      problems.addAll(clashes.list());
    }
    List<Practice> practices = admitted.stream().map(Loaded::practice)
        .sorted(Comparator.comparing(Practice::id)).toList();
    return new Library(directories, practices, problems, Map.of());
  }

  private static Optional<Candidate> load(Path file, int rank, ContentRules rules, List<Problem> problems) {
    Problems fileProblems = new Problems(file);
    Optional<Loaded> loaded = PracticeLoader.loadEvenIfBroken(file, fileProblems, rules);
    problems.addAll(fileProblems.list());
    return loaded.map(l -> new Candidate(l, rank, modified(file), !fileProblems.isEmpty()));
  }

  /**
   * One loaded file waiting for its place; lower ranks and older files come first. A broken one (a content rule, a
   * wrong id) is never admitted, but its id and spoken name are still compared, so every problem shows at once.
   */
  private record Candidate(Loaded loaded, int rank, FileTime modified, boolean broken) {}

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

  /** For each practice a later (site) folder replaced by id: the file it replaced. */
  public Map<String, Path> overridden() {
    return overridden;
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
    String name = GROUNDING_ID + ".yaml";
    Path file = directories.stream().map(d -> d.resolve(name)).filter(Files::exists).reduce((a, b) -> b)
        .orElse(directories.get(0).resolve(name));
    String what = Files.exists(file) ? "NO SAFETY LANDING: the grounding practice is not valid (see its problems)"
        : "NO SAFETY LANDING: there is no grounding practice (" + name + ") in " + directories.stream()
            .map(Path::toString).collect(Collectors.joining(" or "));
    return Optional.of(new Problem(file, 1, 1, what + ", so 'too much', a long press and 'stop' in an evocative "
        + "practice have no grounding to lead to", "fix or restore the shipped " + GROUNDING_ID + ".yaml (a "
        + "practice with id '" + GROUNDING_ID + "')"));
  }
}
