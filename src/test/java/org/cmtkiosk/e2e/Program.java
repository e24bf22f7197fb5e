package org.cmtkiosk.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged program ({@code target/cmt-kiosk.jar}, as the service runs it) in a child process on the virtual sound
 * card. Every output line is kept with the time it arrived; its whole output goes to a log file for diagnosis.
 */
public final class Program implements AutoCloseable {
  /** The JVM options of the systemd unit, so the tests run the program as it is deployed. */
  private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Djava.awt.headless=true");
  /**
   * {@code -De2e.diagnose=true}: the program logs its GC and safepoint pauses next to its log ({@code *.jvm.log}) and
   * the sound server logs at debug level with times (stream buffer sizes, underruns), to find where a gap came from.
   */
  static final boolean DIAGNOSE = Boolean.getBoolean("e2e.diagnose");

  private final Process process;
  private final OutputStream stdin;
  private final List<Line> lines = new ArrayList<>();
  private final PrintWriter log;
  private final Thread reader;
  private volatile Trigger trigger;

  /** Keys to type the moment a line matching {@code pattern} arrives, and when they were typed. */
  private record Trigger(Pattern pattern, String keys, CompletableFuture<Long> typed) {}

  /** One output line and when it arrived ({@link System#nanoTime}). */
  public record Line(String text, long nanoTime) {}

  private Program(Process process, Path logFile) throws IOException {
    this.process = process;
    this.stdin = process.getOutputStream();
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    this.log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
    this.reader = new Thread(this::readLines, "program-output");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** The packaged jar; it exists after {@code ./mvnw package} (the e2e tests run in {@code verify}). */
  public static Path jar() {
    return Path.of("target", "cmt-kiosk.jar").toAbsolutePath();
  }

  /**
   * Starts {@code java -jar cmt-kiosk.jar --config CONFIG ARGS...} with {@code environment} added. With
   * {@code terminal}, it runs under {@code script} so it has a real terminal (raw keys, as on a kiosk keypad);
   * otherwise its standard input is a pipe.
   */
  public static Program start(Map<String, String> environment, Path config, Path logFile, boolean terminal,
      String... args) throws IOException {
    return start(0, environment, config, logFile, terminal, args);
  }

  /** Whether this machine's {@code env} can reset a signal to its default (GNU coreutils 8.31 or later). */
  private static final boolean RESETS_SIGINT = resetsSigint();

  private static boolean resetsSigint() {
    try {
      Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * As {@link #start(Map, Path, Path, boolean, String...)}, as the service unit runs the kiosk: at the given niceness
   * ({@code Nice=-10}; a negative niceness needs root, as systemd has when it starts the unit) and in a session of
   * its own, as systemd starts every service. Linux schedules each session as a group (autogroup), so the program
   * does not pay for the test's own busy loops, as the service does not pay for another session's work; started in
   * the test's session, its audio thread waited up to 0.47 s for a core behind them.
   */
  public static Program start(int niceness, Map<String, String> environment, Path config, Path logFile,
      boolean terminal, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (niceness != 0) {
      command.addAll(List.of("setsid", "nice", "-n", Integer.toString(niceness)));
    }
    if (RESETS_SIGINT) {
      // A test run started as a background job of a non-interactive shell inherits SIGINT ignored, and the JVM then
      // never installs its handler: Ctrl-C is given back its default, as a person's terminal would have it.
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    if (DIAGNOSE) {
      command.add("-Xlog:gc,safepoint:file=" + logFile.toAbsolutePath() + ".jvm.log:time,uptime");
    }
    command.addAll(List.of("-jar", jar().toString(), "--config", config.toString()));
    command.addAll(List.of(args));
    List<String> full = terminal ? List.of("script", "-qfec", shellQuoted(command), "/dev/null") : command;
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    pb.environment().putAll(environment);
    if (terminal) {
      pb.environment().put("TERM", "xterm");
    }
    Program p = new Program(pb.start(), logFile);
    p.log.println("$ " + String.join(" ", full));
    return p;
  }

  private static String shellQuoted(List<String> words) {
    return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String text;
      while ((text = in.readLine()) != null) {
        long now = System.nanoTime();
        for (String part : text.split("\r")) {
          if (!part.isBlank()) {
            fire(part);
            synchronized (lines) {
              lines.add(new Line(part.strip(), now));
              lines.notifyAll();
            }
          }
        }
        log.println(text);
      }
    } catch (IOException e) {
      log.println("(reading the output failed: " + e + ")");
    }
  }

  /**
   * Types {@code keys} from the output reader itself the moment a line matching {@code regex} arrives, as quickly
   * as a person pressing a key while the device starts to speak; the result is when they were typed.
   */
  public CompletableFuture<Long> typeOnLine(String regex, String keys) {
    Trigger t = new Trigger(Pattern.compile(regex), keys, new CompletableFuture<>());
    trigger = t;
    return t.typed();
  }

  private void fire(String line) {
    Trigger t = trigger;
    if (t != null && t.pattern().matcher(line).find()) {
      trigger = null;
      try {
        t.typed().complete(type(t.keys()));
      } catch (IOException e) {
        t.typed().completeExceptionally(e);
      }
    }
  }

  /**
   * Skips the orientation said before every practice (the "n" key, skip, as a person may) once {@code speaker} hears
   * it, so the practice begins at once. The program must have been started with {@code --keyboard}. (A key typed
   * before the orientation is heard is acted on too late: see
   * {@code StopLatencyIT#stopTypedAsTheOrientationBeginsEndsTheVisitPromptly}.)
   */
  public void skipOrientation(Recorder speaker) throws IOException, InterruptedException {
    awaitLine("says: You chose", Duration.ofSeconds(60))
        .orElseThrow(() -> new AssertionError("no orientation before the practice:\n" + output()));
    if (!speaker.awaitSound(-40, Duration.ofSeconds(30))) {
      throw new AssertionError("the orientation was not heard:\n" + output());
    }
    type("n");
    awaitLine("\\] (plays: |note: playing )", Duration.ofSeconds(30))
        .orElseThrow(() -> new AssertionError("the practice did not begin after skipping the orientation:\n"
            + output()));
  }

  /**
   * Skips the closing words said after the practice ends ("n" as the program notes the end), to keep the tests
   * short; if the key comes before the words have begun they are said anyway, which only takes longer.
   */
  public void skipClosing() {
    typeOnLine("note: \\S+ ended: ", "n");
  }

  /** Types {@code keys} on its keyboard; returns the {@link System#nanoTime} just after they were sent. */
  public long type(String keys) throws IOException {
    stdin.write(keys.getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    return System.nanoTime();
  }

  /** Sends a signal (e.g. "TERM", "INT", "STOP", "CONT") to the Java process; returns the time it was sent. */
  public long signal(String name) throws IOException, InterruptedException {
    long pid = javaPid();
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
    long sent = System.nanoTime();
    if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + name + " " + pid + " failed: " + new String(kill.getInputStream().readAllBytes()));
    }
    return sent;
  }

  /** The Java process itself (under {@code script} it is a descendant). */
  private long javaPid() {
    return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .map(ProcessHandle::pid).findFirst().orElse(process.pid());
  }

  /** Waits for a line matching {@code regex} (searched anywhere in the line); empty on timeout or exit. */
  public Optional<Line> awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      int seen = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (p.matcher(lines.get(seen).text()).find()) {
            return Optional.of(lines.get(seen));
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          return Optional.empty();
        }
        lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
      }
    }
  }

  /** Waits for the program to end; returns its exit status, or throws if it is still running after {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the program did not end within " + timeout.toSeconds() + " s; output:\n" + output());
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** Everything it printed so far. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines.stream().map(Line::text).toList());
    }
  }

  public List<Line> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    try {
      process.waitFor(5, TimeUnit.SECONDS);
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.close();
  }
}
