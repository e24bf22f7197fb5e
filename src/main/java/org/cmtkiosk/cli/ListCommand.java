package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.Estimate;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.yaml.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the valid practices with their estimated length. */
@Command(name = "list", description = "List every valid practice: id, title, estimated duration.",
    footer = {"%nExamples:", "  cmt-kiosk list", "  cmt-kiosk list --config site.yaml   (the practices a site config "
        + "points at)"})
public final class ListCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    var out = spec.commandLine().getOut();
    Estimate estimate = new Estimate(app.config().layout(), app.speechCache());
    Path site = app.config().siteScriptsDirectory();
    String format = "%-28s %-36s %9s" + (site == null ? "%n" : "  %s%n");
    out.printf(format, "ID", "TITLE", "DURATION", "FROM");
    for (Practice p : app.library().practices()) {
      out.printf(format, p.id(), p.title(), DurationText.format(estimate.of(p)),
          site == null ? "" : origin(p, site, app.library().overridden()));
    }
    if (!app.library().problems().isEmpty()) {
      spec.commandLine().getErr().println("Some scripts have problems and are not listed; run 'validate' to see them.");
    }
    return 0;
  }

  /** Where a practice comes from when the site has its own folder: shipped, site, or a site copy replacing one. */
  static String origin(Practice p, Path site, Map<String, Path> overridden) {
    if (p.source() == null || !p.source().toAbsolutePath().startsWith(site.toAbsolutePath())) {
      return "shipped";
    }
    return overridden.containsKey(p.id()) ? "site (replaces the shipped one)" : "site";
  }
}
