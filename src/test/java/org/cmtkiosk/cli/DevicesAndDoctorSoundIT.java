package org.cmtkiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'devices' and 'doctor --sound' as hospital IT runs them, from the built jar, on a virtual sound card: a PulseAudio
 * daemon of its own with a null "speaker" sink (whose monitor this test records) and a "mic" sink as the input.
 */
class DevicesAndDoctorSoundIT {
  @TempDir
  static Path runtime;

  private static boolean daemon;

  @BeforeAll
  static void startPulseAudio() throws Exception {
    assumeTrue(has("pulseaudio") && has("parec"), "pulseaudio and parec (pulseaudio-utils) are not installed");
    Path config = runtime.resolve("default.pa");
    Files.writeString(config, """
        load-module module-null-sink sink_name=speaker rate=48000
        load-module module-null-sink sink_name=mic
        load-module module-native-protocol-unix
        set-default-sink speaker
        set-default-source mic.monitor
        """);
    Process p = pulse("pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "-F", config.toString());
    daemon = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    assumeTrue(daemon, "PulseAudio would not start here: " + output(p));
  }

  @AfterAll
  static void stopPulseAudio() throws Exception {
    if (daemon) {
      pulse("pulseaudio", "--kill").waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean has(String tool) {
    return List.of("/usr/bin", "/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  /** A process that finds this test's PulseAudio (the ALSA default device goes to it through the pulse plugin). */
  private static Process pulse(String... command) throws IOException {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    b.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    return b.start();
  }

  private static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String cmtKiosk(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", "target/cmt-kiosk.jar"));
    command.addAll(List.of(args));
    Process p = pulse(command.toArray(String[]::new));
    String out = output(p);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
    return "exit " + p.exitValue() + "\n" + out;
  }

  private Path config(Path dir, String device) throws IOException {
    Path file = dir.resolve("kiosk.yaml");
    Files.writeString(file, """
        practices:
          directory: %s
        speech:
          cache_directory: %s
        audio:
          device: "%s"
        voice:
          enabled: false
        led:
          mode: none
        button:
          enabled: false
        journal:
          directory: journal
        """.formatted(Path.of("scripts").toAbsolutePath(), Path.of("target/test-speech-cache").toAbsolutePath(),
        device));
    return file;
  }

  @Test
  void devicesListsTheVirtualCardByTheNameTheSettingsTakeAndWhatTheyChoose(@TempDir Path dir) throws Exception {
    String out = cmtKiosk("devices", "--config", config(dir, "no such card").toString());

    assertTrue(out.startsWith("exit 0\n"), out);
    assertTrue(out.contains("Sound outputs (audio.device):\n* default [default]"), out);
    assertTrue(out.contains("Microphones (voice.microphone):\n* default [default]"), out);
    assertTrue(out.contains("audio.device \"no such card\" → nothing matches"), out);
    assertTrue(out.contains("voice.microphone \"\" → default [default]"), out);
  }

  @Test
  void doctorSoundPlaysAChimeOnTheOutputAndSaysTheClockIsBehindTheJournal(@TempDir Path dir) throws Exception {
    Path journal = Files.createDirectories(dir.resolve("journal")).resolve("sessions.jsonl");
    Instant future = Instant.now().plus(Duration.ofDays(3));
    Files.writeString(journal, "{\"record\":\"end\",\"session\":\"x\",\"source\":\"kiosk\",\"start\":\"" + future
        + "\",\"end\":\"" + future + "\"}\n");
    Path recording = dir.resolve("speaker.raw");
    Process recorder = pulse("parec", "-d", "speaker.monitor", "--format=s16le", "--rate=48000", "--channels=1",
        "--raw", recording.toString());
    try {
      String out = cmtKiosk("doctor", "--sound", "--config", config(dir, "").toString());

      assertTrue(out.contains("OK       sound output           default [default] = ALSA's default"), out);
      assertTrue(out.contains("played a chime"), out);
      assertTrue(out.contains("PROBLEM  clock vs journal       the clock is 2 day(s) 23 h behind the journal's "
          + "last record"), out);
      assertTrue(out.lines().anyMatch(l -> l.startsWith("OK       clock                  ")), out);
    } finally {
      recorder.destroy();
      recorder.waitFor(10, TimeUnit.SECONDS);
    }
    double peakDbfs = peakDbfs(Files.readAllBytes(recording));
    assertEquals(-16.0, peakDbfs, 1.5, "the chime, at chime.level_dbfs, reached the speaker");
  }

  private static double peakDbfs(byte[] pcm16) {
    ByteBuffer b = ByteBuffer.wrap(pcm16).order(ByteOrder.LITTLE_ENDIAN);
    int peak = 0;
    while (b.remaining() >= 2) {
      peak = Math.max(peak, Math.abs((int) b.getShort()));
    }
    return 20 * Math.log10(Math.max(peak, 1) / 32768.0);
  }
}
