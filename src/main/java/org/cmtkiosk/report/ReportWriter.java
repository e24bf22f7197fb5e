package org.cmtkiosk.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Writes a report as sessions.csv, daily.csv and report.png (four charts on one page). */
public final class ReportWriter {
  private static final Color CALM = new Color(0x4A7C8C);

  private ReportWriter() {}

  /** Writes the three files into {@code dir} (created if needed) and returns their paths. */
  @SuppressWarnings("rawtypes")
  public static List<Path> write(Report report, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    CsvMapper csv = new CsvMapper();
    csv.registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Path sessions = dir.resolve("sessions.csv");
    Path daily = dir.resolve("daily.csv");
    Path chart = dir.resolve("report.png");
    csv.writer(csv.schemaFor(Report.SessionRow.class).withHeader()).writeValue(sessions.toFile(),
        report.sessions());
    csv.writer(csv.schemaFor(Report.DayRow.class).withHeader()).writeValue(daily.toFile(), report.days());
    BitmapEncoder.saveBitmap(charts(report), 2, 2, chart.toString(), BitmapEncoder.BitmapFormat.PNG);
    return List.of(sessions, daily, chart);
  }

  /** XChart's multi-chart encoder takes a list of its raw Chart type. */
  @SuppressWarnings("rawtypes")
  private static List<Chart> charts(Report r) {
    List<String> labels = r.days().stream().map(d -> d.date().getDayOfMonth() + "/" + d.date().getMonthValue())
        .toList();
    List<Chart> charts = new ArrayList<>();
    charts.add(whole(bars("Sessions per day", "sessions", labels,
        r.days().stream().map(d -> (Number) d.sessions()).toList())));
    charts.add(bars("Completion rate (%)", "% of sessions with a completed practice", labels,
        r.days().stream().map(d -> (Number) (100 * d.completion_rate())).toList()));
    List<String> names = new ArrayList<>(r.practiceUse().keySet());
    charts.add(whole(bars("Practices chosen", "times chosen", names.isEmpty() ? List.of("none") : names,
        names.isEmpty() ? List.of(0) : names.stream().map(n -> (Number) r.practiceUse().get(n)).toList())));
    charts.add(bars("Average change in calm (0-10), after minus before", "points", labels,
        r.days().stream().map(d -> (Number) (d.mean_calm_change() == null ? 0 : d.mean_calm_change())).toList()));
    return charts;
  }

  /** Counts: whole numbers on the axis. */
  private static CategoryChart whole(CategoryChart c) {
    c.getStyler().setYAxisDecimalPattern("#");
    return c;
  }

  private static CategoryChart bars(String title, String yTitle, List<String> x, List<Number> y) {
    CategoryChart c = new CategoryChartBuilder().width(800).height(450).title(title).yAxisTitle(yTitle).build();
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(x.size() > 12 ? 90 : 0);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setSeriesColors(new Color[] {CALM});
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.addSeries(title, x, y);
    return c;
  }

}
