package org.cmtkiosk.practice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cmtkiosk.yaml.Problem;
import org.cmtkiosk.yaml.Problems;

/** Every practice in a scripts directory. A broken file is reported and skipped; it never hides the others. */
public final class Library {
  private final List<Practice> practices;
  private final List<Problem> problems;

  private Library(List<Practice> practices, List<Problem> problems) {
    this.practices = List.copyOf(practices);
    this.problems = List.copyOf(problems);
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking the format only. */
  public static Library load(Path directory) {
    return load(directory, null);
  }

  /** Loads every {@code *.yaml} file in {@code directory}, checking format and (if given) content rules. */
  public static Library load(Path directory, ContentRules rules) {
    List<Path> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(Library::isScript).sorted().forEach(files::add);
    } catch (IOException e) {
      problems.add(new Problem(directory, 1, 1, "cannot read the scripts directory (" + e.getMessage() + ")",
          "set 'practices.directory' in the config to the folder holding the .yaml scripts"));
    }
    return of(files, problems, rules);
  }

  /** Loads the given files, e.g. for {@code validate FILES...}. */
  public static Library of(List<Path> files, ContentRules rules) {
    return of(files, new ArrayList<>(), rules);
  }

  private static Library of(List<Path> files, List<Problem> problems, ContentRules rules) {
    List<Practice> loaded = new ArrayList<>();
    Map<String, Practice> byId = new HashMap<>();
    Map<String, Practice> bySpokenName = new HashMap<>();
    for (Path file : files) {
      Problems fileProblems = new Problems(file);
      var practice = rules == null ? PracticeLoader.load(file, fileProblems)
          : PracticeLoader.load(file, fileProblems, rules);
      practice.ifPresent(p -> {
        if (clash(byId, p.id(), p, "id", fileProblems) | clash(bySpokenName, p.spokenName(), p, "spoken_name",
            fileProblems)) {
          return;
        }
        loaded.add(p);
      });
      problems.addAll(fileProblems.list());
    }
    loaded.sort(Comparator.comparing(Practice::id));
    return new Library(loaded, problems);
  }

  private static boolean clash(Map<String, Practice> seen, String key, Practice p, String field, Problems problems) {
    Practice other = seen.putIfAbsent(key, p);
    if (other == null) {
      return false;
    }
    problems.add(1, 1, "the " + field + " '" + key + "' is already used by " + other.source(),
        "give each practice its own " + field);
    return true;
  }

  private static boolean isScript(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
  }

  public List<Practice> practices() {
    return practices;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** Finds a practice by id or spoken name. */
  public Optional<Practice> find(String idOrName) {
    return practices.stream()
        .filter(p -> p.id().equals(idOrName) || p.spokenName().equalsIgnoreCase(idOrName))
        .findFirst();
  }
}
