package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmtkiosk.App;
import org.cmtkiosk.journal.JsonLinesJournal;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.report.Report;
import org.cmtkiosk.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Sessions and daily totals as CSV, and a one-page chart, for staff and clinicians. */
@Command(name = "report", description = {"Summarise the journal: sessions.csv, daily.csv and report.png.",
    "Counts and numbers only: the journal holds nothing about the people who practised."},
    footer = {"%nExamples:", "  cmt-kiosk report --out report   (the last 30 days, to today)",
        "  cmt-kiosk report --from 2026-01-01 --to 2026-01-31 --out /media/usb/january"})
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--from", paramLabel = "DATE", description = "First day, e.g. 2026-11-01 (default: 29 days "
      + "before --to).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: today).")
  LocalDate to;

  @OutputPath(folder = true)
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files to.")
  Path out;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    LocalDate last = to != null ? to : LocalDate.now();
    LocalDate first = from != null ? from : last.minusDays(29);
    if (first.isAfter(last)) {
      spec.commandLine().getErr().println("--from " + first + " is after --to " + last + "; swap them.");
      return 2;
    }
    JsonLinesJournal journal = app.openJournal().journal();
    List<String> problems = new ArrayList<>();
    List<SessionRecord> records = journal.readAll(problems);
    problems.forEach(p -> spec.commandLine().getErr().println("Journal: " + p));
    Report report = Report.of(records, first, last, ZoneId.systemDefault());
    List<Path> files = ReportWriter.write(report, out);
    spec.commandLine().getOut().println("Report for " + first + " to " + last + ": " + report.sessions().size()
        + " sessions. Wrote " + files.stream().map(f -> f.getFileName().toString()).toList() + " to " + out + ".");
    return 0;
  }
}
