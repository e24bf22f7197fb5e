package org.cmtkiosk;

import java.nio.file.Path;
import org.cmtkiosk.cli.BenchCommand;
import org.cmtkiosk.cli.DoctorCommand;
import org.cmtkiosk.cli.KioskCommand;
import org.cmtkiosk.cli.ListCommand;
import org.cmtkiosk.cli.PracticeCommand;
import org.cmtkiosk.cli.PrepareCommand;
import org.cmtkiosk.cli.RenderCommand;
import org.cmtkiosk.cli.ReportCommand;
import org.cmtkiosk.cli.ValidateCommand;
import org.cmtkiosk.config.ConfigException;
import org.cmtkiosk.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Command-line entry: parses arguments, reads the config, runs one command. */
@Command(name = "cmt-kiosk", mixinStandardHelpOptions = true, version = "cmt-kiosk 0.1.0",
    description = "Offline, screen-free guided Compassionate Mind Training practices.",
    subcommands = {ListCommand.class, ValidateCommand.class, PracticeCommand.class, RenderCommand.class,
        PrepareCommand.class, KioskCommand.class, ReportCommand.class, DoctorCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit status when the configuration file has problems. */
  public static final int EXIT_CONFIG = 3;

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
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof ConfigException c) {
            cmd.getErr().println("The configuration has problems:");
            c.problems().forEach(p -> cmd.getErr().println("  " + p));
            return EXIT_CONFIG;
          }
          throw e;
        });
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
