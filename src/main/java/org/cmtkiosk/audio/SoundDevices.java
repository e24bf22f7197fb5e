package org.cmtkiosk.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The sound outputs and inputs Java Sound offers, by the names {@code audio.device} and {@code voice.microphone}
 * accept, with ALSA's card names (from {@code /proc/asound/cards}) and which one Java uses by default.
 */
public final class SoundDevices {
  private static final Path ALSA_CARDS = Path.of("/proc/asound/cards");
  private static final Pattern CARD_LINE = Pattern.compile("^\\s*(\\d+) \\[(\\S+)\\s*\\]: (\\S+) - (.+)$");
  private static final Pattern HW = Pattern.compile("\\[(?:plug)?hw:(\\d+)(?:,(\\d+))?\\]");

  private SoundDevices() {}

  /**
   * One device as Java lists it.
   *
   * @param name the Java Sound mixer name, e.g. {@code Device [plughw:2,0]}
   * @param card ALSA's name of its card, e.g. {@code card 2: USB Audio Device (Device)}, if known
   */
  public record Device(String name, String description, Optional<String> card, boolean isDefault) {}

  /** A mixer as Java Sound reports it, before the default is worked out. */
  record Candidate(String name, String description, boolean supported, int maxLines) {}

  /** The outputs that can play {@code format}, in Java's order. */
  public static List<Device> outputs(AudioFormat format) {
    return of(candidates(new DataLine.Info(SourceDataLine.class, format)), true, alsaCards());
  }

  /** The inputs that can record {@code format}, in Java's order. */
  public static List<Device> inputs(AudioFormat format) {
    return of(candidates(new DataLine.Info(TargetDataLine.class, format)), false, alsaCards());
  }

  private static List<Candidate> candidates(DataLine.Info info) {
    List<Candidate> list = new ArrayList<>();
    for (Mixer.Info m : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(m);
      boolean supported = mixer.isLineSupported(info);
      list.add(new Candidate(m.getName(), m.getDescription(), supported, supported ? mixer.getMaxLines(info) : 0));
    }
    return list;
  }

  /**
   * The supported candidates, the default marked as {@code AudioSystem.getLine} picks it when no property names
   * one: the first that can mix several lines (outputs only), else the first.
   */
  static List<Device> of(List<Candidate> candidates, boolean preferMixing, Map<Integer, String> cards) {
    List<Candidate> supported = candidates.stream().filter(Candidate::supported).toList();
    Candidate chosen = supported.stream()
        .filter(c -> preferMixing && (c.maxLines() == AudioSystem.NOT_SPECIFIED || c.maxLines() > 1))
        .findFirst().orElse(supported.isEmpty() ? null : supported.get(0));
    return supported.stream()
        .map(c -> new Device(c.name(), c.description(), card(c.name(), cards), c == chosen))
        .toList();
  }

  private static Optional<String> card(String mixerName, Map<Integer, String> cards) {
    Matcher hw = HW.matcher(mixerName);
    if (hw.find()) {
      int number = Integer.parseInt(hw.group(1));
      return Optional.of("card " + number + ": " + cards.getOrDefault(number, "(not in " + ALSA_CARDS + ")"));
    }
    if (mixerName.toLowerCase(Locale.ROOT).startsWith("default")) {
      return Optional.of("ALSA's default: card 0, or what /etc/asound.conf (or PulseAudio/PipeWire) makes it");
    }
    return Optional.empty();
  }

  /**
   * The device a setting chooses, by the same rule as the sound output and the microphone: empty means the
   * default, otherwise the first whose name contains the text (ignoring case).
   */
  public static Optional<Device> chosen(List<Device> devices, String setting) {
    if (setting == null || setting.isBlank()) {
      return devices.stream().filter(Device::isDefault).findFirst();
    }
    String wanted = setting.toLowerCase(Locale.ROOT);
    return devices.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(wanted)).findFirst();
  }

  /** ALSA's cards by number, e.g. 2 → "USB Audio Device (Device)"; empty without ALSA. */
  public static Map<Integer, String> alsaCards() {
    try {
      return Files.isReadable(ALSA_CARDS) ? alsaCards(Files.readString(ALSA_CARDS, StandardCharsets.UTF_8))
          : Map.of();
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** Parses the text of {@code /proc/asound/cards}. */
  static Map<Integer, String> alsaCards(String text) {
    Map<Integer, String> cards = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = CARD_LINE.matcher(line);
      if (m.matches()) {
        cards.put(Integer.parseInt(m.group(1)), m.group(4).strip() + " (" + m.group(2) + ")");
      }
    }
    return cards;
  }
}
