package org.cmtkiosk.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A roff man page (section 1) written from the command line's own model, so it says exactly what {@code --help}
 * says: description, every command with its synopsis, options and examples, the exit codes and the files used.
 * (picocli-codegen writes AsciiDoc, which needs asciidoctor to become a man page; this needs nothing.)
 */
public final class ManPage {
  private final StringBuilder roff = new StringBuilder();

  private ManPage() {}

  /** The man page of {@code top} and its subcommands. */
  public static String of(CommandLine top, String version, LocalDate date) {
    return new ManPage().write(top, version, date);
  }

  private String write(CommandLine top, String version, LocalDate date) {
    CommandSpec spec = top.getCommandSpec();
    String name = spec.name();
    line(".TH " + name.toUpperCase(java.util.Locale.ROOT) + " 1 \"" + date + "\" \"" + name + " " + version
        + "\" \"User Commands\"");
    line(".SH NAME");
    line(text(name) + " \\- " + text(lowerFirst(String.join(" ", spec.usageMessage().description()))));
    line(".SH SYNOPSIS");
    line(".B " + name);
    line("[\\fB\\-\\-config\\fR=\\fIPATH\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
    line(".SH DESCRIPTION");
    paragraph(spec.usageMessage().description());
    line(".PP");
    line("Every command takes \\fB\\-\\-help\\fR, which prints its options, examples and exit codes.");
    line(".SH OPTIONS");
    options(spec, true);
    line(".SH COMMANDS");
    top.getSubcommands().forEach((sub, cli) -> command(cli));
    line(".SH EXIT STATUS");
    for (Map.Entry<String, String> code : spec.usageMessage().exitCodeList().entrySet()) {
      line(".TP");
      line(".B " + code.getKey().strip());
      line(text(formatted(code.getValue())));
    }
    files(name);
    return roff.toString();
  }

  private void command(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    line(".SS " + spec.name());
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    line(".PP");
    line(text(help.synopsis(0).strip().replaceAll("\\s+", " ")));
    paragraph(spec.usageMessage().description());
    for (PositionalParamSpec p : spec.positionalParameters()) {
      line(".TP");
      line("\\fI" + text(p.paramLabel()) + "\\fR");
      line(text(formatted(String.join(" ", p.description()))));
    }
    options(spec, false);
    List<String> footer = List.of(spec.usageMessage().footer());
    if (!footer.isEmpty()) {
      line(".PP");
      line(text(formatted(footer.get(0))));
      line(".RS");
      line(".nf");
      footer.stream().skip(1).forEach(f -> line(text(formatted(f))));
      line(".fi");
      line(".RE");
    }
  }

  /** The options other than --help and --version; {@code inherited} ones (--config) only on the top command. */
  private void options(CommandSpec spec, boolean inherited) {
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp() || o.inherited() != inherited && spec.parent() != null) {
        continue;
      }
      line(".TP");
      String names = String.join(", ", java.util.Arrays.stream(o.names()).map(n -> "\\fB" + text(n) + "\\fR")
          .toList());
      line(o.typeInfo().isBoolean() ? names : names + "=\\fI" + text(o.paramLabel()) + "\\fR");
      line(text(formatted(String.join(" ", o.description()))));
    }
  }

  private void files(String name) {
    line(".SH FILES");
    line(".TP");
    line(".I /etc/" + name + "/" + name + ".yaml");
    line("The configuration, when \\fB\\-\\-config\\fR is not given; every setting is documented in it.");
    line(".TP");
    line(".I ~/.cache/" + name + "/speech");
    line("The speech cache (\\fBspeech.cache_directory\\fR).");
    line(".TP");
    line(".I ~/.local/share/" + name + "/journal/sessions.jsonl");
    line("The session journal (\\fBjournal.directory\\fR): that a session happened, nothing about the person.");
  }

  private void paragraph(String[] lines) {
    line(".PP");
    for (String l : lines) {
      line(text(formatted(l)));
    }
  }

  /** Help texts are format strings, as picocli prints them ({@code %n} is a line break). */
  private static String formatted(String s) {
    return String.format(s).replace(System.lineSeparator(), " ").strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1).replaceFirst("\\.$", "");
  }

  /** Escapes text for roff: backslashes, hyphens, a leading dot or quote, and every non-ASCII character. */
  static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        out.append("\\e");
      } else if (c == '-') {
        out.append("\\-");
      } else if (c == '\u2014') {
        out.append("\\(em");
      } else if (c == '\u2013') {
        out.append("\\(en");
      } else if (c > 127) {
        out.append(String.format("\\[u%04X]", (int) c));
      } else {
        out.append(c);
      }
    }
    String escaped = out.toString();
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }

  private void line(String l) {
    roff.append(l).append('\n');
  }
}
