package org.cmtkiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cmtkiosk.App;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.pcm.WavFiles;
import org.cmtkiosk.practice.Practice;

/**
 * The labelled set for {@code bench voice}, generated on first use under a folder of {@code target/}: every command
 * phrase in several espeak-ng and flite voices, pink and white noise from sox, and non-command speech — the device's
 * own practices rendered with MaryTTS, and text read aloud by espeak-ng and flite. Needs the Debian packages
 * espeak-ng, flite and sox.
 */
final class VoiceBenchSet {
  /** A synthetic speaker: the program and its arguments before the text and output file. */
  record Voice(String name, List<String> command) {
    List<String> say(String text, Path wav) {
      List<String> c = new ArrayList<>(command);
      if (command.get(0).equals("flite")) {
        c.addAll(List.of("-t", text, "-o", wav.toString()));
      } else {
        c.addAll(List.of("-w", wav.toString(), text));
      }
      return c;
    }
  }

  /** One command phrase in one voice. */
  record Clip(Voice voice, String phrase, Path wav) {}

  static final List<Voice> VOICES = List.of(
      new Voice("espeak-en-us", List.of("espeak-ng", "-v", "en-us", "-s", "150")),
      new Voice("espeak-en-gb", List.of("espeak-ng", "-v", "en-gb", "-s", "160")),
      new Voice("espeak-en-us-f3", List.of("espeak-ng", "-v", "en-us+f3", "-s", "140")),
      new Voice("espeak-scotland", List.of("espeak-ng", "-v", "en-gb-scotland", "-s", "150")),
      new Voice("espeak-en-us-m7-slow", List.of("espeak-ng", "-v", "en-us+m7", "-s", "120", "-p", "35")),
      new Voice("flite-slt", List.of("flite", "-voice", "slt")),
      new Voice("flite-awb", List.of("flite", "-voice", "awb")),
      new Voice("flite-rms", List.of("flite", "-voice", "rms")),
      new Voice("flite-kal16", List.of("flite", "-voice", "kal16")));
  /** Practices whose rendered sound is non-command speech (they also tell people what they can say). */
  static final List<String> PRACTICES = List.of("welcome", "safe-place", "grounding", "soothing-rhythm-short",
      "compassionate-self");

  private final Path root;
  private final Consumer<String> progress;

  VoiceBenchSet(Path root, Consumer<String> progress) {
    this.root = root;
    this.progress = progress;
  }

  /** Every phrase in every voice, generated where missing. */
  List<Clip> commands(Collection<String> phrases) throws IOException {
    List<Clip> clips = new ArrayList<>();
    for (Voice v : VOICES) {
      for (String phrase : phrases) {
        Path wav = root.resolve("commands").resolve(v.name()).resolve(phrase.replace(' ', '_') + ".wav");
        if (!Files.isRegularFile(wav)) {
          Files.createDirectories(wav.getParent());
          run(v.say(phrase, wav));
        }
        clips.add(new Clip(v, phrase, wav));
      }
    }
    return clips;
  }

  /** A minute of {@code colour} noise ("pinknoise" or "whitenoise") from sox, 16 kHz. */
  Path noise(String colour) throws IOException {
    Path wav = root.resolve("noise").resolve(colour + ".wav");
    if (!Files.isRegularFile(wav)) {
      Files.createDirectories(wav.getParent());
      run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", wav.toString(), "synth", "60", colour));
    }
    return wav;
  }

  /** The device's own practices as it plays them (speech, chimes, breathing tone), rendered where missing. */
  List<Path> practices(App app) throws Exception {
    List<Path> out = new ArrayList<>();
    for (String id : PRACTICES) {
      Path wav = root.resolve("other").resolve("practice-" + id + ".wav");
      if (!Files.isRegularFile(wav)) {
        Practice practice = app.library().find(id).orElse(null);
        if (practice == null) {
          continue;
        }
        progress.accept("Rendering practice " + id + " with MaryTTS...");
        Timeline timeline = Prepared.timeline(app, practice);
        byte[] pcm = new TimelineStream(timeline).readAllBytes();
        float[] s = new float[pcm.length / 2];
        for (int i = 0; i < s.length; i++) {
          s[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768f;
        }
        Files.createDirectories(wav.getParent());
        WavFiles.write(new Pcm(s), wav);
      }
      out.add(wav);
    }
    return out;
  }

  /** {@code text} read aloud, a paragraph a file, alternating between voices, generated where missing. */
  List<Path> readText(String name, List<String> paragraphs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      Voice v = VOICES.get((i * 4) % VOICES.size());
      Path wav = root.resolve("other").resolve(String.format(Locale.ROOT, "read-%s-%03d-%08x-%s.wav", name, i,
          paragraphs.get(i).hashCode(), v.name()));
      if (!Files.isRegularFile(wav)) {
        Files.createDirectories(wav.getParent());
        run(v.say(paragraphs.get(i), wav));
      }
      out.add(wav);
    }
    return out;
  }

  private static void run(List<String> command) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new IOException("'" + command.get(0) + "' could not be started — install the Debian packages "
          + "espeak-ng, flite and sox (" + e.getMessage() + ")");
    }
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("'" + String.join(" ", command) + "' failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + command.get(0));
    }
  }
}
