package org.cmtkiosk.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.cmtkiosk.journal.JournalSessions;
import org.cmtkiosk.journal.RecordedSession;

/**
 * One report from one or more journals (one per device): the sessions of all of them in order of their start, in
 * one {@code sessions.csv}, {@code daily.csv} and {@code report.png}. Each journal is streamed, never read whole.
 */
public final class SiteReport {
  private SiteReport() {}

  /** What was read from one journal: all its sessions, and how many of them the report counted. */
  public record JournalRead(Path file, String name, long sessions, long interrupted, long counted, long badLines) {}

  /** The report, what each journal gave, and the files written. */
  public record Result(Report report, List<JournalRead> journals, List<Path> files) {}

  /**
   * Reads {@code journals} and writes the report into {@code out}. Skipped lines go to {@code problems} with their
   * line numbers. Throws {@link ReportWriter.CannotWrite} when the output cannot be written, and IOException when a
   * journal cannot be read.
   */
  public static Result write(List<Path> journals, ReportOptions options, Path out, Consumer<String> problems)
      throws IOException {
    Report report = new Report(options);
    List<String> names = names(journals);
    List<JournalSessions> open = new ArrayList<>();
    long[] counted = new long[journals.size()];
    try {
      for (Path journal : journals) {
        open.add(JournalSessions.open(journal, problems));
      }
      Path sessions = ReportWriter.prepare(out).resolve(ReportWriter.SESSIONS_CSV);
      try (SequenceWriter rows = ReportWriter.sessionRows(sessions)) {
        merge(open, (i, session) -> {
          Optional<SessionRow> row = report.add(names.get(i), session);
          if (row.isPresent()) {
            counted[i]++;
            ReportWriter.writeRow(rows, sessions, row.get());
          }
        });
      } catch (IOException e) {
        throw e instanceof ReportWriter.CannotWrite ? e : new ReportWriter.CannotWrite(sessions, e);
      }
      List<Path> files = new ArrayList<>(List.of(sessions));
      files.addAll(ReportWriter.write(report, out, names));
      return new Result(report, reads(journals, names, open, counted), files);
    } finally {
      for (JournalSessions s : open) {
        s.close();
      }
    }
  }

  private interface Sink {
    void accept(int journal, RecordedSession session) throws IOException;
  }

  /** Hands on the sessions of all journals in order of start (each journal is already nearly in that order). */
  private static void merge(List<JournalSessions> journals, Sink sink) throws IOException {
    record Head(int journal, RecordedSession session) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.session().session().start())
        .thenComparingInt(Head::journal));
    for (int i = 0; i < journals.size(); i++) {
      RecordedSession first = journals.get(i).next();
      if (first != null) {
        heads.add(new Head(i, first));
      }
    }
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      sink.accept(head.journal(), head.session());
      RecordedSession next = journals.get(head.journal()).next();
      if (next != null) {
        heads.add(new Head(head.journal(), next));
      }
    }
  }

  /** Each journal's name in the report: its file name, or folder/file name when two files share a name. */
  static List<String> names(List<Path> journals) {
    Set<String> seen = new HashSet<>();
    boolean clash = journals.stream().map(p -> p.getFileName().toString()).anyMatch(n -> !seen.add(n));
    return journals.stream().map(p -> clash && p.toAbsolutePath().getParent() != null
        && p.toAbsolutePath().getParent().getFileName() != null
        ? p.toAbsolutePath().getParent().getFileName() + "/" + p.getFileName() : p.getFileName().toString()).toList();
  }

  private static List<JournalRead> reads(List<Path> journals, List<String> names, List<JournalSessions> open,
      long[] counted) {
    List<JournalRead> reads = new ArrayList<>();
    for (int i = 0; i < journals.size(); i++) {
      JournalSessions s = open.get(i);
      reads.add(new JournalRead(journals.get(i), names.get(i), s.sessions(), s.interrupted(), counted[i],
          s.badLines()));
    }
    return reads;
  }
}
