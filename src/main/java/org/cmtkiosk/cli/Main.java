package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.cmtkiosk.App;
import org.cmtkiosk.config.ConfigException;
import org.cmtkiosk.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Command-line entry: parses arguments, reads the config, runs one command. */
@Command(name = "cmt-kiosk", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, version = "cmt-kiosk 0.1.0",
    description = "Offline, screen-free guided Compassionate Mind Training practices.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:OK.", "1:Problems found (invalid scripts, failed checks, an unknown practice, a file that "
        + "cannot be read).", "2:Usage error (unknown option, missing argument).",
        "3:The configuration file has problems.", "4:An output file or folder (--out, --fallback-dir) cannot be "
        + "written.", "5:A session ended in an error (e.g. the sound output was lost and never came back)."},
    footer = {"%nExamples:", "  cmt-kiosk list", "  cmt-kiosk practice breathing --keyboard",
        "  cmt-kiosk report --help   (every command takes --help)"},
    subcommands = {ListCommand.class, ValidateCommand.class, PracticeCommand.class, RenderCommand.class,
        PrepareCommand.class, KioskCommand.class, ReportCommand.class, ExportCommand.class, DoctorCommand.class,
        DevicesCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /** Exit status when problems were found, or a file could not be read. */
  public static final int EXIT_PROBLEMS = 1;
  /** Exit status when the configuration file has problems. */
  public static final int EXIT_CONFIG = 3;
  /** Exit status when an output file or folder ({@code --out}, {@code --fallback-dir}) cannot be written. */
  public static final int EXIT_CANNOT_WRITE = 4;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "PATH",
      description = "Config file (default: /etc/cmt-kiosk/cmt-kiosk.yaml if present, else built-in defaults).")
  Path config;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionStrategy(Main::checkOutputsThenRun)
        .setExecutionExceptionHandler(Main::oneLine);
  }

  /** Refuses at once, before any slow work, an output file or folder that cannot be written. */
  private static int checkOutputsThenRun(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    Optional<String> unwritable = OutputPaths.check(parsed);
    if (unwritable.isPresent()) {
      CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
      last.getErr().println(last.getCommandName() + ": " + unwritable.get());
      return EXIT_CANNOT_WRITE;
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** Config problems as a list, input/output failures as one line with the fix; only bugs keep a stack trace. */
  private static int oneLine(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
    if (e instanceof ConfigException c) {
      cmd.getErr().println("The configuration has problems:");
      c.problems().forEach(p -> cmd.getErr().println("  " + p));
      return EXIT_CONFIG;
    }
    Optional<OutputPaths.Failure> failure = OutputPaths.explain(e, parsed);
    if (failure.isEmpty()) {
      throw e;
    }
    LOG.debug("{} failed", cmd.getCommandName(), e);
    cmd.getErr().println(cmd.getCommandName() + ": " + failure.get().line());
    return failure.get().output() ? EXIT_CANNOT_WRITE : EXIT_PROBLEMS;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The config file named with --config, or null. */
  public Path configPath() {
    return config;
  }

  /** Reads the config and wires the app; config problems end the command with a clear list. */
  public App app() throws ConfigException {
    return new App(ConfigLoader.load(config));
  }
}
