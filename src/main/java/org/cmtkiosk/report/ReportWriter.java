package org.cmtkiosk.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cmtkiosk.journal.IoProblems;

/** Writes a report's files: sessions.csv (row by row, as sessions are read), daily.csv and report.png. */
public final class ReportWriter {
  public static final String SESSIONS_CSV = "sessions.csv";
  public static final String DAILY_CSV = "daily.csv";
  public static final String PNG = "report.png";
  /** Quotes only where CSV needs it (a comma, a quote, a line break), so the files read plainly. */
  private static final CsvMapper CSV = (CsvMapper) CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ReportWriter() {}

  /** An output file or folder that cannot be written, with the path and the reason in its message. */
  public static final class CannotWrite extends IOException {
    private final Path path;
    private final String reason;

    CannotWrite(Path path, IOException cause) {
      this(path, cause instanceof FileAlreadyExistsException ? "it is a file, not a folder"
          : IoProblems.reason(cause), cause);
    }

    private CannotWrite(Path path, String reason, IOException cause) {
      super("cannot write " + path + " (" + reason + ")", cause);
      this.path = path;
      this.reason = reason;
    }

    public Path path() {
      return path;
    }

    /** Why, in a few words ("read-only file system"). */
    public String reason() {
      return reason;
    }
  }

  /** Creates the output folder if needed. */
  static Path prepare(Path out) throws CannotWrite {
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new CannotWrite(out, e);
    }
  }

  static SequenceWriter sessionRows(Path file) throws CannotWrite {
    try {
      return CSV.writer(CSV.schemaFor(SessionRow.class).withHeader()).writeValues(file.toFile());
    } catch (IOException e) {
      throw new CannotWrite(file, e);
    }
  }

  static void writeRow(SequenceWriter rows, Path file, SessionRow row) throws CannotWrite {
    try {
      rows.write(row);
    } catch (IOException e) {
      throw new CannotWrite(file, e);
    }
  }

  /** Writes daily.csv and report.png into {@code out} and returns their paths. */
  static List<Path> write(Report report, Path out, List<String> journals) throws CannotWrite {
    Path daily = out.resolve(DAILY_CSV);
    Path png = out.resolve(PNG);
    try {
      CSV.writer(CSV.schemaFor(DayRow.class).withHeader()).writeValue(daily.toFile(), report.days());
    } catch (IOException e) {
      throw new CannotWrite(daily, e);
    }
    try {
      if (!ImageIO.write(ReportPage.draw(report, journals), "png", png.toFile())) {
        throw new IOException("no PNG writer in this Java");
      }
    } catch (IOException e) {
      throw new CannotWrite(png, e);
    }
    return List.of(daily, png);
  }
}
