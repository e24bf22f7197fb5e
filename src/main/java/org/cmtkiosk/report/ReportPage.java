package org.cmtkiosk.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The one-page picture of a report: a title with the period and totals, and four charts. */
final class ReportPage {
  static final int WIDTH = 1600;
  static final int HEADER = 160;
  static final int CHART_WIDTH = WIDTH / 2;
  static final int CHART_HEIGHT = 420;
  static final int HEIGHT = HEADER + 2 * CHART_HEIGHT;
  private static final Color CALM = new Color(0x4A7C8C);
  private static final Color MUTED = new Color(0xB0B8BC);
  private static final Color TEXT = new Color(0x222222);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final int MAX_JOURNALS_TEXT = 140;

  private ReportPage() {}

  /** What a panel shows when a chart would have nothing to draw. */
  private record Note(String title, String text) {}

  static BufferedImage draw(Report report, List<String> journals) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      header(g, report, journals);
      List<Bucket> buckets = report.buckets(Bucket.Size.forDays(report.totals().days()));
      panel(g, 0, 0, sessions(buckets));
      panel(g, 1, 0, completion(buckets, report.totals()));
      panel(g, 0, 1, practices(report));
      panel(g, 1, 1, calm(buckets, report.totals()));
    } finally {
      g.dispose();
    }
    return page;
  }

  private static void header(Graphics2D g, Report report, List<String> journals) {
    Totals t = report.totals();
    ReportOptions o = report.options();
    g.setColor(TEXT);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
    g.drawString("cmt-kiosk sessions, " + DAY.format(o.from()) + " to " + DAY.format(o.to()), 30, 45);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 19));
    g.drawString(totalsLine(t), 30, 80);
    g.drawString(calmLine(t), 30, 108);
    g.setColor(new Color(0x555555));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    g.drawString(sourcesLine(t, o, journals), 30, 138);
  }

  static String totalsLine(Totals t) {
    if (t.sessions() == 0) {
      return "No sessions in this period.";
    }
    return count(t.sessions()) + " session" + (t.sessions() == 1 ? "" : "s") + " on " + t.daysWithSessions()
        + " of " + t.days() + " days  ·  " + count(t.chosenCompleted()) + " completed a chosen practice ("
        + t.completionPercent() + "%)  ·  " + count(t.interrupted()) + " interrupted  ·  grounding offered "
        + count(t.groundingOffered()) + " time"
        + (t.groundingOffered() == 1 ? "" : "s") + (t.soundTrouble() > 0 ? "  ·  sound trouble in "
        + count(t.soundTrouble()) : "");
  }

  private static String count(int n) {
    return String.format(Locale.UK, "%,d", n);
  }

  static String calmLine(Totals t) {
    if (t.calmRated() == 0) {
      return "No calm ratings in this period (the check-in is off, or nobody answered it).";
    }
    return "Calm (0-10) rated before and after in " + count(t.calmRated()) + " session" + (t.calmRated() == 1 ? "" : "s")
        + ": average change " + String.format(Locale.UK, "%+.1f", t.meanCalmChange()) + " points.";
  }

  private static String sourcesLine(Totals t, ReportOptions o, List<String> journals) {
    String from = String.join(", ", journals);
    if (from.length() > MAX_JOURNALS_TEXT) {
      from = journals.size() + " journals";
    }
    return "From " + from + ".  " + (o.includePracticeRuns() ? "Kiosk sessions and practice runs."
        : "Kiosk sessions only" + (t.leftOut() > 0 ? " (" + t.leftOut() + " practice run"
        + (t.leftOut() == 1 ? "" : "s") + " left out)." : "."));
  }

  private static void panel(Graphics2D g, int column, int row, Object chartOrNote) {
    Graphics2D p = (Graphics2D) g.create(column * CHART_WIDTH, HEADER + row * CHART_HEIGHT, CHART_WIDTH,
        CHART_HEIGHT);
    try {
      if (chartOrNote instanceof CategoryChart chart) {
        chart.paint(p, CHART_WIDTH, CHART_HEIGHT);
      } else {
        note(p, (Note) chartOrNote);
      }
    } finally {
      p.dispose();
    }
  }

  /** A panel with a title and a sentence instead of an empty chart. */
  private static void note(Graphics2D g, Note note) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
    g.setColor(TEXT);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    centred(g, note.title(), 22);
    g.setColor(new Color(0x666666));
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 20));
    centred(g, note.text(), CHART_HEIGHT / 2);
  }

  private static void centred(Graphics2D g, String text, int y) {
    g.drawString(text, (CHART_WIDTH - g.getFontMetrics().stringWidth(text)) / 2, y);
  }

  private static Object sessions(List<Bucket> buckets) {
    List<String> x = buckets.stream().map(Bucket::label).toList();
    CategoryChart c = chart("Sessions per " + per(buckets), "sessions", x);
    boolean anyInterrupted = buckets.stream().anyMatch(b -> b.tally().interrupted > 0);
    c.getStyler().setYAxisDecimalPattern("#");
    c.addSeries("ended", x, values(buckets, b -> b.tally().sessions - b.tally().interrupted));
    if (anyInterrupted) {
      c.getStyler().setStacked(true);
      c.getStyler().setLegendVisible(true);
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
      c.getStyler().setSeriesColors(new Color[] {CALM, new Color(0xD08C4A)});
      c.addSeries("interrupted", x, values(buckets, b -> b.tally().interrupted));
    }
    return c;
  }

  private static Object completion(List<Bucket> buckets, Totals t) {
    String title = "Completed a chosen practice (% of each " + per(buckets) + "'s sessions)";
    if (t.sessions() == 0) {
      return new Note(title, "No sessions in this period.");
    }
    List<String> x = buckets.stream().map(Bucket::label).toList();
    CategoryChart c = chart(title, "%", x);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    c.addSeries("completed", x, values(buckets, b -> b.tally().completionPercent()));
    return c;
  }

  private static Object practices(Report report) {
    Map<String, Integer> use = report.practiceUse();
    String title = "Practices chosen (times)";
    if (use.isEmpty()) {
      return new Note(title, "No practices chosen in this period.");
    }
    List<String> ids = new ArrayList<>(use.keySet());
    ids.sort(Comparator.comparing((String id) -> -use.get(id)).thenComparing(report.options()::title));
    List<String> names = ids.stream().map(report.options()::title).toList();
    CategoryChart c = chart(title, "times chosen", names);
    c.getStyler().setYAxisDecimalPattern("#");
    int letters = names.stream().mapToInt(String::length).sum();
    c.getStyler().setXAxisLabelRotation(letters > 60 ? 25 : 0);
    c.addSeries("chosen", names, ids.stream().map(id -> (Number) use.get(id)).toList());
    return c;
  }

  private static Object calm(List<Bucket> buckets, Totals t) {
    String title = "Average change in calm, after minus before (0-10 scale)";
    if (t.calmRated() == 0) {
      return new Note(title, "No calm ratings in this period (check-in off, or not answered).");
    }
    List<String> x = buckets.stream().map(Bucket::label).toList();
    CategoryChart c = chart(title, "points", x);
    c.addSeries("change", x, values(buckets, b -> b.tally().meanCalm()));
    return c;
  }

  private static String per(List<Bucket> buckets) {
    return buckets.isEmpty() ? "day" : buckets.get(0).size().name().toLowerCase(Locale.ROOT);
  }

  private static List<Number> values(List<Bucket> buckets, Function<Bucket, Number> value) {
    List<Number> values = new ArrayList<>();
    buckets.forEach(b -> values.add(value.apply(b)));
    return values;
  }

  private static CategoryChart chart(String title, String yTitle, List<String> x) {
    CategoryChart c = new CategoryChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title)
        .yAxisTitle(yTitle).build();
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(x.size() > 12 ? 90 : 0);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setSeriesColors(new Color[] {CALM, MUTED});
    return c;
  }
}
