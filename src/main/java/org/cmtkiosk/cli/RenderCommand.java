package org.cmtkiosk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.cmtkiosk.App;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.audio.WavFileOut;
import org.cmtkiosk.yaml.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Renders a whole practice to a WAV file. */
@Command(name = "render", description = "Render a practice to a 16-bit mono WAV file (24 kHz).",
    footer = {"%nExamples:", "  cmt-kiosk render safe-place --out safe-place.wav",
        "  cmt-kiosk render breathing --out /tmp/breathing.wav   (by spoken name)"})
public final class RenderCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PRACTICE", description = "Practice id or spoken name, e.g. soothing-rhythm-breathing.")
  String name;

  @OutputPath
  @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the WAV file.")
  Path out;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    var practice = Chosen.practice(app.library(), name, spec.commandLine().getErr());
    if (practice.isEmpty()) {
      return 1;
    }
    Timeline timeline = Prepared.timeline(app, practice.get());
    write(timeline, out);
    spec.commandLine().getOut().println("Wrote " + out + " (" + DurationText.format(timeline.duration()) + ").");
    return 0;
  }

  static void write(Timeline timeline, Path file) throws java.io.IOException {
    TimelineStream stream = new TimelineStream(timeline);
    try (ProgressBar bar = Bars.on("Render", timeline.length() / Pcm.RATE_HZ, " s")) {
      stream.onBlock(position -> bar.stepTo(position / Pcm.RATE_HZ));
      new WavFileOut(file).play(stream);
    }
  }

}
