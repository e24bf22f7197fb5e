package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmtkiosk.practice.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Checks practice scripts (and the config) and prints every problem with its place and fix. */
@Command(name = "validate", description = {"Check practice scripts; print every problem as file:line:column: "
    + "what is wrong — how to fix it.", "Named files are checked against the rest of the library too (ids, spoken "
    + "names), and a missing or broken grounding practice is reported."},
    footer = {"%nExamples:", "  cmt-kiosk validate   (every script in the scripts folder)",
        "  cmt-kiosk validate /etc/cmt-kiosk/scripts/my-practice.yaml"})
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILES", arity = "0..*",
      description = "Script files to check (default: every script in the scripts directory).")
  List<Path> files = List.of();

  @Override
  public Integer call() throws Exception {
    var app = main.app();
    Library library = files.isEmpty() ? app.library()
        : Library.check(app.scriptDirectories(), files, app.contentRules());
    var out = spec.commandLine().getOut();
    var problems = new java.util.ArrayList<>(library.problems());
    library.safetyLandingProblem().ifPresent(problems::add);
    problems.forEach(out::println);
    int broken = (int) problems.stream().map(p -> p.file()).distinct().count();
    spec.commandLine().getErr().println(library.practices().size() + " practice(s) valid, " + broken
        + " file(s) with problems (" + problems.size() + " problem(s)).");
    return problems.isEmpty() ? 0 : 1;
  }
}
