package org.cmtkiosk.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.session.Offering;
import org.cmtkiosk.session.Prompts;
import org.cmtkiosk.text.Sentences;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Synthesises every sentence of every practice and every kiosk prompt into the speech cache, ahead of use. */
@Command(name = "prepare", description = "Fill the speech cache with every sentence of every valid practice and "
    + "every kiosk prompt.",
    footer = {"%nExample:", "  cmt-kiosk prepare   (run it as the user the kiosk runs as, after adding or editing "
        + "scripts)"})
public final class PrepareCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    App app = main.app();
    Set<String> sentences = new LinkedHashSet<>();
    for (Practice p : app.library().practices()) {
      sentences.addAll(TimelineBuilder.sentences(p));
    }
    var kiosk = app.config().kiosk();
    Prompts.all(kiosk, Offering.of(app.library().practices(), kiosk.offer()), app.vocabulary())
        .forEach(prompt -> sentences.addAll(Sentences.of(prompt)));
    var speaker = app.speaker();
    try (ProgressBar bar = Bars.on("Speech", sentences.size(), " sentences")) {
      for (String s : sentences) {
        speaker.speak(s);
        bar.step();
      }
    }
    spec.commandLine().getOut().println(sentences.size() + " sentences ready in " + app.speechCache().directory()
        + " (" + speaker.misses() + " synthesised now, " + speaker.hits() + " already cached).");
    if (!app.library().problems().isEmpty()) {
      spec.commandLine().getErr().println("Scripts with problems were skipped; run 'validate' to see them.");
      return 1;
    }
    return 0;
  }
}
