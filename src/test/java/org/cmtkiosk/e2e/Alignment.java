package org.cmtkiosk.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recording of live playback laid against the render of the same practice (both at the same rate). When the
 * program does not supply audio in time (an underrun) the sound server plays digital silence, and what follows comes
 * late (sometimes a few milliseconds of it are dropped as the server recovers). So the recording is the render cut into
 * pieces with gaps between them, each piece with its own lag. Walking the render millisecond by millisecond, a gap is
 * where the recording is digitally silent while the render clearly sounds; where the recording resumes is found by
 * cross-correlating what follows the silence.
 */
public record Alignment(List<Piece> pieces, List<Gap> gaps) {
  /** Render samples [from, to) were recorded at [from + lag, to + lag). */
  public record Piece(int from, int to, int lag) {}

  /** Silence inserted before render sample {@code at}, {@code length} samples long. */
  public record Gap(int at, int length, int rateHz) {
    public double atSeconds() {
      return at / (double) rateHz;
    }

    public double seconds() {
      return length / (double) rateHz;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f ms at %.2f s", 1000 * seconds(), atSeconds());
    }
  }

  /** The render's level that counts as clearly sounding (a gap can only be seen where something should be heard). */
  private static final double SOUNDING = Wave.dbfsToLinear(-50);

  /** Aligns {@code recording} to {@code render}, starting near {@code lag} (within 30 ms, e.g. from a cross-correlation). */
  public static Alignment of(Wave render, Wave recording, int lag) {
    return from(render, recording, lag, 0);
  }

  /** Aligns {@code recording} to the render from render sample {@code renderFrom} on (a recording begun mid-way). */
  public static Alignment from(Wave render, Wave recording, int lag, int renderFrom) {
    int ms = render.rateHz() / 1000;
    int from = Math.max(0, render.firstAbove(Wave.SOUND, renderFrom));
    int to = render.lastAbove(Wave.SOUND) + 1;
    lag = from + lag - locate(render, recording, from + lag, from, 30 * ms).at();
    List<Piece> pieces = new ArrayList<>();
    int pieceFrom = from;
    int r = from;
    while (r + ms <= to && r + lag + ms <= recording.length()) {
      int at = r + lag;
      if (recording.silentFor(at, ms) && soundingAround(render, r, ms)) {
        int start = at;
        while (start > 0 && Math.abs(recording.samples()[start - 1]) <= Wave.DIGITAL_SILENCE) {
          start--;
        }
        int end = start + recording.silentRunFrom(start);
        int resumesAt = resumption(render, recording, end, start - lag, 30 * ms);
        pieces.add(new Piece(pieceFrom, resumesAt, lag));
        lag = end - resumesAt;
        pieceFrom = resumesAt;
        r = Math.max(r, resumesAt) + ms;
      } else {
        r += ms;
      }
    }
    pieces.add(new Piece(pieceFrom, Math.min(to, recording.length() - lag), lag));
    List<Piece> checked = pieces.stream().filter(p -> p.to() > p.from())
        .map(p -> recheck(render, recording, p)).toList();
    return new Alignment(checked, gapsBetween(checked, render.rateHz()));
  }

  /**
   * A piece whose lag does not match (a steady tone just after a gap can be matched a few periods off) gets the best
   * lag within ±50 ms, judged on its loudest 300 ms.
   */
  private static Piece recheck(Wave render, Wave recording, Piece p) {
    int ms = render.rateHz() / 1000;
    if (p.to() - p.from() < 100 * ms || render.correlationWith(recording, p.lag(), p.from(), p.to()) >= 0.9) {
      return p;
    }
    int span = Math.min(p.to() - p.from(), 300 * ms);
    int loudest = p.from();
    double most = -1;
    for (int i = p.from(); i + span <= p.to(); i += 10 * ms) {
      double rms = render.rms(i, i + span);
      if (rms > most) {
        most = rms;
        loudest = i;
      }
    }
    return new Piece(p.from(), p.to(), refine(render, recording, loudest, p.lag(), 50 * ms, span));
  }

  /** Silence inserted between consecutive pieces (where the lag grows). */
  private static List<Gap> gapsBetween(List<Piece> pieces, int rateHz) {
    List<Gap> gaps = new ArrayList<>();
    for (int i = 1; i < pieces.size(); i++) {
      int grown = pieces.get(i).lag() - pieces.get(i - 1).lag();
      if (grown > 0) {
        gaps.add(new Gap(pieces.get(i).from(), grown, rateHz));
      }
    }
    return gaps;
  }

  /** Whether the render sounds clearly in every millisecond from 2 ms before {@code r} to 3 ms after it. */
  private static boolean soundingAround(Wave render, int r, int ms) {
    for (int w = r - 2 * ms; w < r + 3 * ms; w += ms) {
      if (render.peak(w, w + ms) < SOUNDING) {
        return false;
      }
    }
    return true;
  }

  /**
   * The render position that the recording's sound at {@code end} (just after a gap that began where the render was
   * at {@code stalled}) carries: near where the render sounds again after {@code stalled}, or, if the alignment was a
   * little early, after the render's next pause; whichever {@link #locate} matches better.
   */
  private static int resumption(Wave render, Wave recording, int end, int stalled, int range) {
    Candidate a = locate(render, recording, end, firstSounding(render, stalled), range);
    Candidate b = locate(render, recording, end, firstSounding(render, nextSilence(render, stalled, range)), range);
    return (b.correlation() > a.correlation() + 0.002 ? b : a).at();
  }

  private record Candidate(int at, double correlation) {}

  /**
   * The render position carried by recording[{@code recAt}]: the best match of the next 200 ms within ±{@code range}
   * of {@code estimate}, or, if nothing there matches well (audio was dropped as well as delayed), within ±300 ms.
   */
  static Candidate locate(Wave render, Wave recording, int recAt, int estimate, int range) {
    Candidate near = best(render, recording, recAt, estimate, range, 1);
    if (near.correlation() >= 0.9) {
      return near;
    }
    int ms = render.rateHz() / 1000;
    Candidate coarse = best(render, recording, recAt, estimate, 300 * ms, ms / 2);
    Candidate wide = best(render, recording, recAt, coarse.at(), ms, 1);
    return wide.correlation() > near.correlation() ? wide : near;
  }

  /**
   * The best-correlating position (over the next 200 ms) within ±{@code range} of {@code estimate}, in steps of
   * {@code step}. A steady tone correlates almost exactly as well one period away, so among such near-equal
   * candidates the one nearest the estimate wins.
   */
  private static Candidate best(Wave render, Wave recording, int recAt, int estimate, int range, int step) {
    int span = render.rateHz() / 5;
    int from = Math.max(0, estimate - range);
    int to = Math.min(render.length() - span, estimate + range);
    if (to < from) {
      return new Candidate(estimate, Double.NEGATIVE_INFINITY);
    }
    double[] c = new double[(to - from) / step + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < c.length; k++) {
      int p = from + k * step;
      c[k] = render.correlationWith(recording, recAt - p, p, p + span);
      max = Math.max(max, c[k]);
    }
    int best = 0;
    for (int k = 0; k < c.length; k++) {
      if (c[k] >= max - 0.002 && (c[best] < max - 0.002
          || Math.abs(from + k * step - estimate) < Math.abs(from + best * step - estimate))) {
        best = k;
      }
    }
    return new Candidate(from + best * step, c[best]);
  }

  /** Where the render sounds again (a non-zero sample) at or after {@code from}. */
  private static int firstSounding(Wave render, int from) {
    int i = Math.max(0, from);
    while (i < render.length() && Math.abs(render.samples()[i]) <= Wave.DIGITAL_SILENCE) {
      i++;
    }
    return i;
  }

  /** The start of the render's next run of digital silence (at least 1 ms) within {@code range} of {@code from}. */
  private static int nextSilence(Wave render, int from, int range) {
    int ms = render.rateHz() / 1000;
    for (int i = Math.max(0, from); i < Math.min(render.length(), from + range); i++) {
      if (render.silentFor(i, ms)) {
        return i;
      }
    }
    return from;
  }

  /** The lag within ±{@code range} of {@code lag} that best matches render[r, r + span) to the recording. */
  static int refine(Wave render, Wave recording, int r, int lag, int range, int span) {
    int best = lag;
    double bestR = Double.NEGATIVE_INFINITY;
    for (int l = lag - range; l <= lag + range; l++) {
      double c = render.correlationWith(recording, l, r, r + span);
      if (c > bestR) {
        bestR = c;
        best = l;
      }
    }
    return bestR > 0 ? best : lag;
  }

  /** Render audio that never reached the speaker (the lag shrank between pieces), in seconds. */
  public double droppedSeconds(int rateHz) {
    double dropped = 0;
    for (int i = 1; i < pieces.size(); i++) {
      dropped += Math.max(0, pieces.get(i - 1).lag() - pieces.get(i).lag()) / (double) rateHz;
    }
    return dropped;
  }

  /** The render sample that recording sample {@code recIndex} carries (by the last piece that began before it). */
  public int renderPositionOf(int recIndex) {
    Piece found = pieces.get(0);
    for (Piece p : pieces) {
      if (p.from() + p.lag() <= recIndex) {
        found = p;
      }
    }
    return recIndex - found.lag();
  }

  /** Total silence inserted, in seconds. */
  public double gapSeconds() {
    return gaps.stream().mapToDouble(Gap::seconds).sum();
  }

  /** Normalised cross-correlation of render and recording over all pieces, each at its own lag. */
  public double correlation(Wave render, Wave recording) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (Piece p : pieces) {
      for (int i = Math.max(p.from(), -p.lag()); i < p.to() && i + p.lag() < recording.length(); i++) {
        double a = render.samples()[i];
        double b = recording.samples()[i + p.lag()];
        ab += a * b;
        aa += a * a;
        bb += b * b;
      }
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }

  /** Recording level minus render level (RMS over the pieces), in dB. */
  public double levelDifferenceDb(Wave render, Wave recording) {
    double aa = 0;
    double bb = 0;
    for (Piece p : pieces) {
      for (int i = Math.max(p.from(), -p.lag()); i < p.to() && i + p.lag() < recording.length(); i++) {
        aa += render.samples()[i] * (double) render.samples()[i];
        bb += recording.samples()[i + p.lag()] * (double) recording.samples()[i + p.lag()];
      }
    }
    return 10 * Math.log10(bb / aa);
  }

  /** Median |difference| in dB of 10 ms peak levels, over the windows where the render is at least −50 dBFS. */
  public double envelopeMedianDifferenceDb(Wave render, Wave recording) {
    int w = render.rateHz() / 100;
    List<Double> diffs = new ArrayList<>();
    for (Piece p : pieces) {
      for (int i = p.from(); i + w <= p.to(); i += w) {
        double a = render.peak(i, i + w);
        if (a >= SOUNDING) {
          double b = recording.peak(i + p.lag(), i + p.lag() + w);
          diffs.add(Math.abs(Wave.linearToDbfs(b) - Wave.linearToDbfs(a)));
        }
      }
    }
    return diffs.isEmpty() ? Double.NaN : diffs.stream().sorted().toList().get(diffs.size() / 2);
  }
}
