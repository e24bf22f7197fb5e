package org.cmtkiosk.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PulseAudio server with a null-sink speaker and microphone, in its own runtime directory, so a program
 * started with {@link #environment()} plays into {@code speaker} (recordable from {@code speaker.monitor}) and hears
 * whatever is played into {@code mic}. {@link #kill()} is a pulled USB speaker; {@link #start()} plugs it back in.
 * The program reaches the server through a socket of its own, so a test can start recording on the tools' socket
 * before the program can play ({@link #startClosedToProgram()}, {@link #openToProgram()}).
 */
public final class VirtualSoundCard implements AutoCloseable {
  private static final List<String> TOOLS = List.of("pulseaudio", "pactl", "parec", "paplay", "aplay");

  private final Path runtimeDir;
  private final Path defaultPa;
  private final Path logDir;
  /** Kills the server if the test JVM ends without closing this card (a timeout, a killed fork). */
  private final Thread onExit = new Thread(this::closeQuietly, "virtual-sound-card-exit");

  private VirtualSoundCard(Path runtimeDir, Path logDir) throws IOException {
    this.runtimeDir = runtimeDir;
    this.logDir = logDir;
    this.defaultPa = runtimeDir.resolve("default.pa");
    try (InputStream in = VirtualSoundCard.class.getResourceAsStream("/e2e/default.pa")) {
      Files.write(defaultPa, in.readAllBytes());
    }
  }

  /**
   * Starts a virtual sound card, or skips the calling test with the reason: not root (as a user, ALSA's default
   * device may be a desktop sound server, and the tests would play on real speakers), a tool missing, or ALSA's
   * default device not reaching PulseAudio.
   */
  public static VirtualSoundCard startOrSkip(Path logDir) throws IOException, InterruptedException {
    assumeTrue(isRoot(), "end-to-end sound tests run as root (as in CI), on a private PulseAudio server");
    for (String tool : TOOLS) {
      assumeTrue(onPath(tool), "'" + tool + "' is not installed: apt-get install pulseaudio pulseaudio-utils "
          + "alsa-utils libasound2-plugins (.ci/run does this as root)");
    }
    Path dir = Files.createTempDirectory("cmt-e2e-pulse");
    VirtualSoundCard card = new VirtualSoundCard(dir, logDir);
    Runtime.getRuntime().addShutdownHook(card.onExit);
    try {
      String problem = card.start();
      assumeTrue(problem.isEmpty(), "PulseAudio did not start: " + problem);
      assumeTrue(card.alsaReachesSpeaker(), "ALSA's default device does not play into PulseAudio: install "
          + "libasound2-plugins (it routes ALSA's default device to PulseAudio)");
      return card;
    } catch (RuntimeException | Error e) {
      card.close();
      throw e;
    }
  }

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes()).trim().equals("0");
    } catch (IOException e) {
      return false;
    }
  }

  static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  /** What the program needs to use this sound card (and nothing of the desktop's). */
  public Map<String, String> environment() {
    return Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "PULSE_SERVER", "unix:" + programSocket());
  }

  /** The environment of the test's own tools (pactl, parec, paplay). */
  private Map<String, String> toolEnvironment() {
    return Map.of("XDG_RUNTIME_DIR", runtimeDir.toString(), "PULSE_SERVER", "unix:" + socket());
  }

  private Path socket() {
    return runtimeDir.resolve("pulse/native");
  }

  private Path programSocket() {
    return runtimeDir.resolve("program.socket");
  }

  /** Starts (or restarts) the server, open to the program; returns "" when it answers, else what went wrong. */
  public String start() throws IOException, InterruptedException {
    String problem = startClosedToProgram();
    return problem.isEmpty() ? openToProgram() : problem;
  }

  /** Lets the program connect (a speaker plugged in); returns "" or what went wrong. */
  public String openToProgram() throws IOException, InterruptedException {
    Files.deleteIfExists(programSocket());
    int rc = run("pactl", "load-module", "module-native-protocol-unix", "socket=" + programSocket());
    return rc == 0 ? "" : "pactl could not open " + programSocket() + " (" + rc + ")";
  }

  /** Starts the server for the test's tools only; returns "" when it answers, else what went wrong. */
  public String startClosedToProgram() throws IOException, InterruptedException {
    Path log = logDir.resolve("pulseaudio.log");
    Files.createDirectories(logDir);
    Path out = logDir.resolve("pulseaudio.out");
    List<String> server = new ArrayList<>(List.of("pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "-F",
        defaultPa.toString(), "--log-target=newfile:" + log));
    if (Program.DIAGNOSE) {
      server.addAll(List.of("--log-level=debug", "--log-time=1"));
    }
    Process p = command(hardware(server.toArray(String[]::new))).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return "pulseaudio exited with " + (p.isAlive() ? "no answer in 20 s" : p.exitValue()) + ": "
          + Files.readString(out).trim();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (run("pactl", "info") == 0) {
        return realTime(pid());
      }
      Thread.sleep(100);
    }
    return "pactl info got no answer from " + socket() + " within 10 s (see " + log + ")";
  }

  /** Plays 200 ms of tone through ALSA's default device and checks it arrives at the speaker. */
  private boolean alsaReachesSpeaker() throws IOException, InterruptedException {
    try (Recorder rec = record()) {
      byte[] tone = new byte[24_000 / 5 * 2];
      for (int i = 0; i < tone.length / 2; i++) {
        short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 24_000.0));
        tone[2 * i] = (byte) v;
        tone[2 * i + 1] = (byte) (v >> 8);
      }
      Process aplay = command(List.of("aplay", "-q", "-D", "default", "-t", "raw", "-f", "S16_LE", "-r", "24000",
          "-c", "1")).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
      aplay.getOutputStream().write(tone);
      aplay.getOutputStream().close();
      aplay.waitFor(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      return rec.stop().peak(0, Integer.MAX_VALUE) > 0.1;
    }
  }

  /**
   * A command standing in for sound hardware (the server, the recorder): a real card plays at a fixed rate whatever
   * else the machine does, so these run ahead of every other process: real-time (round robin, priority 5, as the
   * server's own sink threads are; the test runs as root), else at niceness −15.
   */
  private static List<String> hardware(String... command) {
    List<String> all = new ArrayList<>(onPath("chrt") ? List.of("chrt", "-r", "5") : List.of("nice", "-n", "-15"));
    all.addAll(List.of(command));
    return all;
  }

  /**
   * Makes every thread of the started server real-time, as {@link #hardware} does for the recorder. The server sets
   * its main thread back to niceness −11 as it starts, and as a daemon it is a session of its own, which Linux
   * schedules as a group beside the test's (autogroup), so no niceness keeps it ahead: under load its main thread,
   * which carries every client's audio to the sink, waited up to 2 s for a core while the program's audio thread
   * waited at most 0.24 s, and the speaker ran dry. Returns "" or what went wrong.
   */
  private String realTime(long serverPid) throws IOException, InterruptedException {
    if (!onPath("chrt")) {
      return "";
    }
    int rc = run("chrt", "-a", "-r", "-p", "5", Long.toString(serverPid));
    return rc == 0 ? "" : "chrt could not make the sound server real-time (" + rc + ")";
  }

  /** Starts recording what the speaker plays (48 kHz mono). */
  public Recorder record() throws IOException {
    return Recorder.start(command(hardware("parec", "-d", "speaker.monitor", "--rate=" + Recorder.RATE_HZ,
        "--channels=1", "--format=s16le", "--latency-msec=10", "--raw")));
  }

  /** Starts recording what the microphone hears (48 kHz mono), e.g. to prove a loopback carries sound. */
  public Recorder recordMicrophone() throws IOException {
    return Recorder.start(command(List.of("parec", "-d", "mic.monitor", "--rate=" + Recorder.RATE_HZ,
        "--channels=1", "--format=s16le", "--latency-msec=10", "--raw")));
  }

  /** Plays a WAV file into the microphone, waiting until it has been played. */
  public void speakIntoMicrophone(Path wav) throws IOException, InterruptedException {
    paplay("mic", wav);
  }

  /** Plays a WAV file on the speaker, as the program would, waiting until it has been played. */
  public void playOnSpeaker(Path wav) throws IOException, InterruptedException {
    paplay("speaker", wav);
  }

  private void paplay(String sink, Path wav) throws IOException, InterruptedException {
    Process p = command(List.of("paplay", "-d", sink, wav.toString())).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("paplay did not finish playing " + wav);
    }
    if (p.exitValue() != 0) {
      throw new IOException("paplay failed on " + wav + ": " + new String(p.getInputStream().readAllBytes()));
    }
  }

  /** Feeds whatever the speaker plays back into the microphone, as a loudspeaker next to a microphone would. */
  public void loopSpeakerIntoMicrophone() throws IOException, InterruptedException {
    int rc = run("pactl", "load-module", "module-loopback", "source=speaker.monitor", "sink=mic", "latency_msec=30");
    if (rc != 0) {
      throw new IOException("pactl load-module module-loopback failed (" + rc + ")");
    }
  }

  /** The server's process id, from its pid file. */
  public long pid() throws IOException {
    return Long.parseLong(Files.readString(runtimeDir.resolve("pulse/pid")).trim());
  }

  /** Kills the server at once, as pulling a USB sound card out does (its recorders end too). */
  public void kill() throws IOException, InterruptedException {
    ProcessHandle.of(pid()).ifPresent(h -> {
      h.destroyForcibly();
      h.onExit().join();
    });
    Files.deleteIfExists(runtimeDir.resolve("pulse/pid"));
  }

  private int run(String... args) throws IOException, InterruptedException {
    Process p = command(List.of(args)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private ProcessBuilder command(List<String> args) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(args));
    pb.environment().putAll(toolEnvironment());
    return pb;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is what is closing it.
    }
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      if (Files.exists(runtimeDir.resolve("pulse/pid"))) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | NumberFormatException ignored) {
      // Already gone.
    }
    try (Stream<Path> files = Files.walk(runtimeDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (UncheckedIOException | IOException ignored) {
      // A leftover temp directory is harmless.
    }
  }
}
