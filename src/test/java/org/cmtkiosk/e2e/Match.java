package org.cmtkiosk.e2e;

import java.util.List;
import java.util.Locale;

/**
 * How a recording of live playback compares with the render of the same practice, both at 24 kHz: aligned piece by
 * piece ({@link Alignment}), then compared sample by sample (correlation), by loudness, by 10 ms envelope, and by the
 * time from first to last sound.
 *
 * @param lengthDifferenceMs how much longer the recording's first-to-last sound lasted than the render's (the
 *     recording's last sound is looked for up to 0.5 s after where the alignment puts the render's end, so that
 *     what the program says after the practice is not counted)
 */
public record Match(Alignment alignment, int rateHz, double correlation, double levelDifferenceDb,
    double envelopeMedianDifferenceDb, double lengthDifferenceMs) {

  /** How much of the practice's opening is used to find it in the recording. */
  private static final double OPENING_SECONDS = 4;

  /** Compares {@code recording} (already at the render's rate) with {@code render}. */
  public static Match of(Wave render, Wave recording) {
    int from = render.firstAbove(Wave.SOUND, 0);
    int recFrom = recording.firstAbove(Wave.SOUND, 0);
    if (from < 0 || recFrom < 0) {
      throw new AssertionError("no sound " + (from < 0 ? "in the render" : "was recorded"));
    }
    // The practice is found by its first seconds: other sound (the kiosk's orientation, cut short) may come first.
    Wave opening = render.slice(from, from + render.samplesOf(OPENING_SECONDS));
    int lag = opening.lagIn(recording, 0, Math.max(0, recording.length() - opening.length())) - from;
    // A gap within the opening can pull that lag towards what follows it: the first half second decides.
    lag = Alignment.refine(render, recording, from, lag, render.rateHz() * 3 / 10, render.rateHz() / 2);
    recFrom = Math.max(0, recording.firstAbove(Wave.SOUND, Math.max(0, from + lag - render.rateHz() / 50)));
    Alignment a = Alignment.of(render, recording, lag);
    int to = render.lastAbove(Wave.SOUND) + 1;
    int lastLag = a.pieces().get(a.pieces().size() - 1).lag();
    int recTo = recording.lastAbove(Wave.SOUND, to + lastLag + render.rateHz() / 2) + 1;
    int span = to - from;
    int recSpan = recTo - recFrom;
    return new Match(a, render.rateHz(), a.correlation(render, recording), a.levelDifferenceDb(render, recording),
        a.envelopeMedianDifferenceDb(render, recording), (recSpan - span) * 1000.0 / render.rateHz());
  }

  public List<Alignment.Gap> gaps() {
    return alignment.gaps();
  }

  /** One line for the test output: gaps, their total, the longest, and audio dropped. */
  public String gapSummary() {
    double longest = gaps().stream().mapToDouble(Alignment.Gap::seconds).max().orElse(0);
    return String.format(Locale.ROOT, "%d gaps, %.0f ms in all, longest %.0f ms, %.0f ms of audio dropped%s",
        gaps().size(), 1000 * alignment.gapSeconds(), 1000 * longest, 1000 * alignment.droppedSeconds(rateHz),
        gaps().isEmpty() ? "" : " " + gaps());
  }
}
