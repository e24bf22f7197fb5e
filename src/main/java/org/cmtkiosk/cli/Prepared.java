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

  /** Laid out exactly as written, for rendering to a file. */
  static Timeline timeline(App app, Practice practice) throws SpeechException {
    return layout(app, practice, false);
  }

  /** Laid out for live playback: the breathing pace can change within the configured limits. */
  static Timeline liveTimeline(App app, Practice practice) throws SpeechException {
    return layout(app, practice, true);
  }

  private static Timeline layout(App app, Practice practice, boolean live) throws SpeechException {
    var sentences = TimelineBuilder.sentences(practice);
    long missing = sentences.stream().filter(s -> !app.speechCache().contains(s)).count();
    TimelineBuilder builder = app.timelines();
    if (missing == 0) {
      return build(builder, practice, live, app, (done, total) -> { });
    }
    System.err.println("Synthesising " + missing + " sentence(s) not yet in the speech cache ('prepare' does this "
        + "ahead of time)...");
    try (ProgressBar bar = Bars.on("Speech", sentences.size(), " sentences")) {
      return build(builder, practice, live, app, (done, total) -> bar.stepTo(done));
    }
  }

  private static Timeline build(TimelineBuilder builder, Practice practice, boolean live, App app,
      TimelineBuilder.Progress progress) throws SpeechException {
    return live ? builder.buildLive(practice, progress, app.config().pace()) : builder.build(practice, progress);
  }
}
