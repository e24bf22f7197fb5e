package org.cmtkiosk.cli;

import me.tongfei.progressbar.ProgressBar;
import org.cmtkiosk.App;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.speech.SpeechException;

/** Lays out a practice, showing a progress bar while speech is fetched or synthesised. */
final class Prepared {
  private Prepared() {}

  static Timeline timeline(App app, Practice practice) throws SpeechException {
    var sentences = TimelineBuilder.sentences(practice);
    long missing = sentences.stream().filter(s -> !app.speechCache().contains(s)).count();
    if (missing == 0) {
      return app.timelines().build(practice, (done, total) -> { });
    }
    System.err.println("Synthesising " + missing + " sentence(s) not yet in the speech cache ('prepare' does this "
        + "ahead of time)...");
    try (ProgressBar bar = Bars.on("Speech", sentences.size(), " sentences")) {
      return app.timelines().build(practice, (done, total) -> bar.stepTo(done));
    }
  }
}
