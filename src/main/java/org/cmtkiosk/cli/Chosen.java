package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cmtkiosk.practice.Library;
import org.cmtkiosk.practice.Practice;

/** Finds the practice a user named, explaining clearly when it cannot. */
final class Chosen {
  private Chosen() {}

  static Optional<Practice> practice(Library library, String name, PrintWriter err) {
    Optional<Practice> found = library.find(name);
    if (found.isPresent()) {
      return found;
    }
    var ownProblems = library.problems().stream()
        .filter(p -> p.file().getFileName().toString().replaceFirst("\\.ya?ml$", "").equals(name)).toList();
    if (!ownProblems.isEmpty()) {
      err.println("The practice '" + name + "' cannot be used until its script is fixed:");
      ownProblems.forEach(p -> err.println("  " + p));
    } else {
      err.println("There is no practice called '" + name + "'. Known practices: "
          + library.practices().stream().map(Practice::id).collect(Collectors.joining(", "))
          + ". ('list' shows them all.)");
    }
    return Optional.empty();
  }
}
