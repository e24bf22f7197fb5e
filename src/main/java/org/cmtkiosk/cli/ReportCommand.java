package org.cmtkiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cmtkiosk.App;
import org.cmtkiosk.report.Report;
import org.cmtkiosk.journal.IoProblems;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.report.ReportOptions;
import org.cmtkiosk.report.ReportWriter;
import org.cmtkiosk.report.SiteReport;
import org.cmtkiosk.report.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Sessions and daily totals as CSV, and a one-page chart, for staff and clinicians; several journals make one. */
@Command(name = "report", description = {"Summarise the journal: sessions.csv, daily.csv and report.png.",
    "Give --journal once per device to make one report for a site. Only kiosk sessions count unless "
        + "--include-practice-runs.",
    "Counts and numbers only: the journal holds nothing about the people who practised."},
    footer = {"%nExamples:", "  cmt-kiosk report --out report   (the last 30 days, to today)",
        "  cmt-kiosk report --from 2026-11-01 --to 2026-11-30 --journal ward3.jsonl --journal ward4.jsonl --out site",
        "  sudo -u cmt-kiosk cmt-kiosk report --out /tmp/cmt-report   (the service's journal is private to it)"})
public final class ReportCommand implements Callable<Integer> {
  /** Exit status when no journal could be read. */
  static final int EXIT_NO_JOURNAL = 1;
  /** Exit status when the report could not be written (as for every output path). */
  static final int EXIT_CANNOT_WRITE = 4;
  private static final int MAX_PROBLEMS_SHOWN = 20;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--journal", paramLabel = "FILE", description = "A journal file (or its folder) to read; repeat "
      + "for several devices (default: sessions.jsonl in journal.directory).")
  List<Path> journals = new ArrayList<>();

  @Option(names = "--from", paramLabel = "DATE", description = "First day, e.g. 2026-11-01 (default: 29 days "
      + "before the last day).")
  LocalDate from;

  @Option(names = {"--to", "--until"}, paramLabel = "DATE", description = "Last day (default: today).")
  LocalDate to;

  @Option(names = "--include-practice-runs", description = "Count 'practice' command runs too (left out by "
      + "default: they are staff or test runs, not patients' sessions).")
  boolean includePracticeRuns;

  @OutputPath(folder = true)
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files to.")
  Path out;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate last = to != null ? to : LocalDate.now();
    LocalDate first = from != null ? from : last.minusDays(29);
    if (first.isAfter(last)) {
      err.println("--from " + first + " is after --to " + last + "; swap them.");
      return 2;
    }
    List<Path> readable = JournalInputs.readable(given(app, journals), owner -> "sudo -u " + owner + " cmt-kiosk "
        + "report --out /tmp/cmt-report (a folder that user can write), or copy it out with: sudo cmt-kiosk export",
        err);
    if (readable.isEmpty()) {
      err.println("No journal could be read, so no report was written.");
      return EXIT_NO_JOURNAL;
    }
    return write(readable, options(app, first, last, includePracticeRuns), out, "report", "--out",
        spec.commandLine().getOut(), err);
  }

  /** The journals named, or the configured one. */
  static List<Path> given(App app, List<Path> named) {
    return named.isEmpty() ? List.of(app.config().journalDirectory()) : named;
  }

  static ReportOptions options(App app, LocalDate first, LocalDate last, boolean includePracticeRuns) {
    Map<String, String> titles = app.library().practices().stream()
        .collect(Collectors.toMap(Practice::id, Practice::title, (a, b) -> a));
    return new ReportOptions(first, last, ZoneId.systemDefault(), includePracticeRuns, titles);
  }

  /**
   * Writes the report of {@code journals} into {@code dir} and says what was read and written; a file that cannot
   * be written is one line naming {@code command} and the {@code option} that chose the folder.
   */
  static int write(List<Path> journals, ReportOptions options, Path dir, String command, String option,
      PrintWriter out, PrintWriter err) {
    Problems problems = new Problems(err);
    SiteReport.Result result;
    try {
      result = SiteReport.write(journals, options, dir, problems);
    } catch (ReportWriter.CannotWrite e) {
      err.println(command + ": cannot write " + e.path() + " (" + option + "): " + e.reason() + " — choose a "
          + "folder you can write to with " + option + ".");
      return EXIT_CANNOT_WRITE;
    } catch (IOException e) {
      err.println("A journal could not be read (" + IoProblems.reason(e) + "); no report was written.");
      return EXIT_NO_JOURNAL;
    }
    problems.summary();
    for (SiteReport.JournalRead read : result.journals()) {
      out.println("Read " + read.file() + ": " + read.sessions() + " session(s)"
          + (read.interrupted() > 0 ? " (" + read.interrupted() + " interrupted)" : "") + ", " + read.counted()
          + " in this report" + (read.badLines() > 0 ? "; " + read.badLines() + " damaged line(s) skipped" : "")
          + ".");
      JournalInputs.warnEmpty(read.file(), read.sessions(), err);
    }
    out.println(summary(options, result.report().totals()) + " Wrote " + result.files().stream()
        .map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")) + " to " + dir + ".");
    out.flush();
    return 0;
  }

  private static String summary(ReportOptions options, Totals t) {
    return "Report for " + options.from() + " to " + options.to() + ": " + t.sessions() + " session(s)"
        + (t.interrupted() > 0 ? ", " + t.interrupted() + " interrupted" : "")
        + (t.leftOut() > 0 ? "; " + t.leftOut() + " practice run(s) left out (--include-practice-runs counts them)"
        : "") + ".";
  }

  /** Skipped lines, each said once, up to a limit; then how many more. */
  private static final class Problems implements Consumer<String> {
    private final PrintWriter err;
    private long count;

    Problems(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void accept(String problem) {
      if (++count <= MAX_PROBLEMS_SHOWN) {
        err.println("Journal: " + problem);
      }
    }

    void summary() {
      if (count > MAX_PROBLEMS_SHOWN) {
        err.println("Journal: ... and " + (count - MAX_PROBLEMS_SHOWN) + " more damaged line(s) skipped.");
      }
    }
  }
}
