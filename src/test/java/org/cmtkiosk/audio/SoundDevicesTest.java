package org.cmtkiosk.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmtkiosk.audio.SoundDevices.Candidate;
import org.cmtkiosk.audio.SoundDevices.Device;
import org.junit.jupiter.api.Test;

/** How devices are named, matched and defaulted, from what Java Sound and ALSA report on a Raspberry Pi 4. */
class SoundDevicesTest {
  /** /proc/asound/cards on a Pi 4 with HDMI, the headphone jack and a USB speaker. */
  static final String PI_CARDS = """
       0 [vc4hdmi0       ]: vc4-hdmi - vc4-hdmi-0
                            vc4-hdmi-0
       1 [Headphones     ]: bcm2835_headpho - bcm2835 Headphones
                            bcm2835 Headphones
       2 [Device         ]: USB-Audio - USB Audio Device
                            C-Media Electronics Inc. USB Audio Device at usb-0000:01:00.0-1.3, full speed
      """;

  /** Java's mixers in its order: the ALSA default, the cards' PCMs, and port mixers (no data lines). */
  static final List<Candidate> PI_MIXERS = List.of(
      new Candidate("default [default]", "Direct Audio Device: default, default, default", true, 1),
      new Candidate("vc4hdmi0 [plughw:0,0]", "Direct Audio Device: vc4-hdmi-0, MAI PCM i2s-hifi-0", true, 1),
      new Candidate("Headphones [plughw:1,0]", "Direct Audio Device: bcm2835 Headphones", true, 1),
      new Candidate("Device [plughw:2,0]", "Direct Audio Device: USB Audio Device, USB Audio", true, 1),
      new Candidate("Port vc4hdmi0 [hw:0]", "vc4-hdmi-0", false, 0),
      new Candidate("Port Device [hw:2]", "USB Audio Device", false, 0));

  @Test
  void alsaCardNamesAreReadFromProcAsoundCards() {
    assertEquals(Map.of(0, "vc4-hdmi-0 (vc4hdmi0)", 1, "bcm2835 Headphones (Headphones)",
        2, "USB Audio Device (Device)"), SoundDevices.alsaCards(PI_CARDS));
  }

  @Test
  void devicesThatCannotCarryTheLineAreLeftOutAndEachPcmGetsItsCard() {
    List<Device> devices = SoundDevices.of(PI_MIXERS, true, SoundDevices.alsaCards(PI_CARDS));

    assertEquals(List.of("default [default]", "vc4hdmi0 [plughw:0,0]", "Headphones [plughw:1,0]",
        "Device [plughw:2,0]"), devices.stream().map(Device::name).toList());
    assertEquals(Optional.of("card 2: USB Audio Device (Device)"), devices.get(3).card());
    assertEquals(Optional.of("card 1: bcm2835 Headphones (Headphones)"), devices.get(2).card());
  }

  @Test
  void theDefaultIsTheFirstThatCanMixElseTheFirstAsJavaSoundChoosesIt() {
    List<Device> noneMixes = SoundDevices.of(PI_MIXERS, true, Map.of());
    assertEquals(List.of(true, false, false, false), noneMixes.stream().map(Device::isDefault).toList());

    List<Candidate> secondMixes = List.of(new Candidate("A [plughw:0,0]", "a", true, 1),
        new Candidate("B [plughw:1,0]", "b", true, 32));
    assertEquals(List.of(false, true),
        SoundDevices.of(secondMixes, true, Map.of()).stream().map(Device::isDefault).toList());
    assertEquals(List.of(true, false), SoundDevices.of(secondMixes, false, Map.of()).stream()
        .map(Device::isDefault).toList(), "inputs do not need mixing");
  }

  @Test
  void aSettingChoosesLikeTheOutputDoesEmptyMeansTheDefaultElsePartOfTheNameIgnoringCase() {
    List<Device> devices = SoundDevices.of(PI_MIXERS, true, SoundDevices.alsaCards(PI_CARDS));

    assertEquals("default [default]", SoundDevices.chosen(devices, "").orElseThrow().name());
    assertEquals("Device [plughw:2,0]", SoundDevices.chosen(devices, "device [").orElseThrow().name());
    assertEquals("Headphones [plughw:1,0]", SoundDevices.chosen(devices, "HEADPHONES").orElseThrow().name());
    assertEquals(Optional.empty(), SoundDevices.chosen(devices, "USB"), "ALSA's long card name is not Java's name");
    assertEquals(Optional.empty(), SoundDevices.chosen(List.of(), ""));
  }
}
