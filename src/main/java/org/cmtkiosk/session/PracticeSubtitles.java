package org.cmtkiosk.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.audio.Mark;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.listen.PlayedSpeech;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.practice.Step;

/**
 * A subtitle line for each spoken step of a practice as playback reaches it, and the step last heard (for
 * "repeat"). Fed with the position being heard, e.g. by the LED loop every 20 ms.
 */
final class PracticeSubtitles {
  private record Line(long start, long end, String text) {}

  private final TimelineStream stream;
  private final List<Line> lines = new ArrayList<>();
  private final Consumer<Subtitle> out;
  private final PlayedSpeech played;
  private int shown;

  /** @param played told which sentences the speaker says when, for the recogniser's own-speech check */
  PracticeSubtitles(TimelineStream stream, Practice practice, Timeline timeline, Consumer<Subtitle> out,
      PlayedSpeech played) {
    this.stream = stream;
    this.out = out;
    this.played = played;
    for (Mark m : timeline.marks()) {
      Step step = m.step() >= 0 && m.step() < practice.steps().size() ? practice.steps().get(m.step()) : null;
      if (m.kind() == Mark.Kind.SAY && step instanceof Step.Say say) {
        lines.add(new Line(m.start(), m.end(), say.text().replaceAll("\\s+", " ").strip()));
      } else if (m.kind() == Mark.Kind.ASK && step instanceof Step.Ask ask) {
        lines.add(new Line(m.start(), m.end(), ask.question().replaceAll("\\s+", " ").strip()));
      }
    }
  }

  TimelineStream stream() {
    return stream;
  }

  /** Playback has reached timeline sample {@code position}: shows every line begun since the last call. */
  synchronized void reached(long position) {
    while (shown < lines.size() && lines.get(shown).start() <= position) {
      Line line = lines.get(shown);
      out.accept(new Subtitle(Instant.now(), Subtitle.Kind.SAYS, line.text()));
      long now = System.nanoTime();
      long heardFrom = now - Pcm.timeOf(Math.max(0, position - line.start())).toNanos();
      SpokenTimes.passage(played, line.text(), heardFrom, heardFrom + Pcm.timeOf(line.end() - line.start()).toNanos());
      shown++;
    }
  }

  /** The spoken step heard last, if any. */
  synchronized Optional<String> lastSaid() {
    return shown == 0 ? Optional.empty() : Optional.of(lines.get(shown - 1).text());
  }
}
