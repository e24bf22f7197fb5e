package org.cmtkiosk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cmtkiosk.audio.SoundDevices;
import org.cmtkiosk.audio.SoundDevices.Device;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.listen.MicSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists the sound outputs and microphones by the names the config accepts, and which ones the config chooses. */
@Command(name = "devices", description = "List the sound outputs and microphones by the names audio.device and "
    + "voice.microphone accept, with ALSA's card names; * marks the one used when the setting is empty. "
    + "Exits 1 when there is no sound output.",
    footer = {"%nExamples:", "  cmt-kiosk devices",
        "  sudo runuser -u cmt-kiosk -- cmt-kiosk devices   (what the service user can open)"})
public final class DevicesCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    KioskConfig config = main.app().config();
    PrintWriter out = spec.commandLine().getOut();
    List<Device> outputs = SoundDevices.outputs(TimelineStream.FORMAT);
    List<Device> inputs = SoundDevices.inputs(MicSource.FORMAT);
    list(out, "Sound outputs (audio.device)", outputs);
    list(out, "Microphones (voice.microphone)", inputs);
    out.println("* = used when the setting is empty. Write the whole name or a part only it has; prefer the card's "
        + "name, as card numbers can change when USB devices are plugged in differently.");
    out.println(choice("audio.device", config.audio().device(), outputs));
    out.println(choice("voice.microphone", config.voice().microphone(), inputs));
    if (outputs.isEmpty()) {
      spec.commandLine().getErr().println("Java finds no sound output. Check that 'aplay -l' lists a card and that "
          + "this user is in the audio group (the cmt-kiosk service user is).");
      return 1;
    }
    return 0;
  }

  private static void list(PrintWriter out, String title, List<Device> devices) {
    out.println(title + ":");
    if (devices.isEmpty()) {
      out.println("  (none)");
    }
    for (Device d : devices) {
      out.printf("%s %-32s %s%n", d.isDefault() ? "*" : " ", d.name(), d.card().orElse(d.description()));
    }
  }

  /** What a setting chooses now, e.g. {@code audio.device "USB" → Device [plughw:2,0]}. */
  static String choice(String setting, String value, List<Device> devices) {
    Optional<Device> chosen = SoundDevices.chosen(devices, value);
    String quoted = setting + " \"" + value + "\" → ";
    if (chosen.isPresent()) {
      return quoted + chosen.get().name();
    }
    return quoted + (value.isBlank() ? "nothing: there is no such device here"
        : "nothing matches: write part of a name listed above, or leave it empty for the default");
  }
}
