package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmtkiosk.listen.PlayedSpeech;
import org.cmtkiosk.audio.Timeline;
import org.cmtkiosk.audio.TimelineBuilder;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.config.Defaults;
import org.cmtkiosk.pcm.Pcm;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.testing.FakeSpeaker;
import org.cmtkiosk.testing.Scripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What "skip" and "repeat" do to a practice that plays: the next section, and the sentence last heard. */
class SkipAndRepeatTest {
  @TempDir
  Path dir;

  private Practice practice() {
    return Scripts.practice(dir, "steps", "  - say: One small step.\n  - pause: 20s\n"
        + "  - say: Two small steps.\n  - pause: 20s\n  - say: Three.\n");
  }

  private Timeline timeline(Practice p) throws Exception {
    return new TimelineBuilder(new FakeSpeaker(), Defaults.config().layout()).buildLive(p, (d, n) -> { },
        Defaults.config().pace());
  }

  private static long read(TimelineStream s, double seconds) {
    byte[] b = new byte[(int) (2 * seconds * Pcm.RATE_HZ)];
    long frames = 0;
    int n;
    while (frames * 2 < b.length && (n = s.read(b, 0, (int) Math.min(b.length, b.length - frames * 2))) > 0) {
      frames += n / 2;
    }
    return frames;
  }

  @Test
  void skipFadesOutAndGoesOnFromTheNextSpokenStep() throws Exception {
    Practice p = practice();
    Timeline t = timeline(p);
    TimelineStream whole = new TimelineStream(t);
    long full = read(whole, 3600);
    TimelineStream s = new TimelineStream(timeline(p));
    read(s, 0.5);
    s.skipSection();
    read(s, 0.5);
    s.skipSection();
    long rest = read(s, 3600);
    assertTrue(full - (rest + Pcm.RATE_HZ) > 39 * Pcm.RATE_HZ, "both 20 s pauses were skipped: full " + full
        + " frames, skipping " + (rest + Pcm.RATE_HZ));
    assertTrue(rest > 0, "the last step was still played");
  }

  @Test
  void eachSpokenStepShowsAsASubtitleWhenReachedAndRepeatSaysTheLastOne() throws Exception {
    Practice p = practice();
    Timeline t = timeline(p);
    TimelineStream s = new TimelineStream(t);
    List<Subtitle> lines = new ArrayList<>();
    PracticeSubtitles subtitles = new PracticeSubtitles(s, p, t, lines::add, PlayedSpeech.reported());
    assertEquals(Optional.empty(), subtitles.lastSaid());
    subtitles.reached(Pcm.RATE_HZ);
    assertEquals(List.of("One small step."), lines.stream().map(Subtitle::text).toList());
    subtitles.reached(30L * Pcm.RATE_HZ);
    assertEquals(List.of("One small step.", "Two small steps."), lines.stream().map(Subtitle::text).toList());
    assertEquals(Optional.of("Two small steps."), subtitles.lastSaid());
    assertTrue(lines.stream().allMatch(l -> l.kind() == Subtitle.Kind.SAYS));
  }
}
