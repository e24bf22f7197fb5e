package org.cmtkiosk.audio;

import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.breath.PaceLimits;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.practice.Step;
import org.cmtkiosk.text.Sentences;
import org.cmtkiosk.speech.Speaker;
import org.cmtkiosk.speech.SpeechException;
import org.cmtkiosk.pcm.Pcm;

/** Lays a practice out on a {@link Timeline}: speech with its pauses, silences, chimes, breathing tone and cues. */
public final class TimelineBuilder {
  private final Speaker speaker;
  private final LayoutSettings config;
  private final Pcm chime;

  /** Told after each sentence is ready, e.g. to move a progress bar. */
  public interface Progress {
    void sentenceReady(int done, int total);
  }

  public TimelineBuilder(Speaker speaker, LayoutSettings config) {
    this.speaker = speaker;
    this.config = config;
    this.chime = Chime.synthesise(config.chime().levelDbfs());
  }

  /** Every sentence the practice speaks, in order (for {@code prepare} and progress totals). */
  public static List<String> sentences(Practice practice) {
    List<String> all = new ArrayList<>();
    for (Step step : practice.steps()) {
      if (step instanceof Step.Say say) {
        all.addAll(Sentences.of(say.text()));
      } else if (step instanceof Step.Ask ask) {
        all.addAll(Sentences.of(ask.question()));
      } else if (step instanceof Step.Breathe b && b.cueBreaths() > 0) {
        all.add(b.inhaleCue());
        all.add(b.exhaleCue());
      }
    }
    return all;
  }

  /** Lays out {@code practice} exactly as written (for rendering to a file). */
  public Timeline build(Practice practice, Progress progress) throws SpeechException {
    return new Layout(progress, sentences(practice).size(), null).of(practice);
  }

  /** Lays out {@code practice} for live playback: its breathing pace can change within {@code limits}. */
  public Timeline buildLive(Practice practice, Progress progress, PaceLimits limits) throws SpeechException {
    return new Layout(progress, sentences(practice).size(), limits).of(practice);
  }

  /** Spoken words alone (a kiosk prompt), laid out like a 'say' step. */
  public Timeline speech(String text) throws SpeechException {
    Layout layout = new Layout((d, n) -> { }, Sentences.of(text).size(), null);
    return new Timeline(List.of(layout.segment(new Step.Say(text, 0), 0)));
  }

  /** The state of laying out one practice. */
  private final class Layout {
    private final Progress progress;
    private final int total;
    private final PaceLimits limits;
    private int done;

    Layout(Progress progress, int total, PaceLimits limits) {
      this.progress = progress;
      this.total = total;
      this.limits = limits;
    }

    Timeline of(Practice practice) throws SpeechException {
      List<Segment> segments = new ArrayList<>();
      List<Step> steps = practice.steps();
      for (int i = 0; i < steps.size(); i++) {
        segments.add(segment(steps.get(i), i));
      }
      return new Timeline(segments);
    }

    private Segment segment(Step step, int index) throws SpeechException {
      String label = "line " + step.line();
      List<Timeline.Placed> sounds = new ArrayList<>();
      if (step instanceof Step.Say say) {
        return new FixedSegment(index, Mark.Kind.SAY, label, sounds, speak(say.text(), sounds, 0));
      } else if (step instanceof Step.Pause pause) {
        return new FixedSegment(index, Mark.Kind.PAUSE, label, sounds, Pcm.samplesOf(pause.length()));
      } else if (step instanceof Step.Chime) {
        sounds.add(new Timeline.Placed(0, new PcmSound(chime, 1.0)));
        return new FixedSegment(index, Mark.Kind.CHIME, label, sounds, chime.length());
      } else if (step instanceof Step.Ask ask) {
        long spoken = speak(ask.question(), sounds, 0);
        return new FixedSegment(index, Mark.Kind.ASK, label, sounds, spoken + Pcm.samplesOf(ask.answerTime()));
      }
      Step.Breathe b = (Step.Breathe) step;
      BreathSchedule schedule = limits == null ? BreathSchedule.of(b.block()) : BreathSchedule.live(b.block(), limits);
      ToneSound tone = config.tone().enabled() ? new ToneSound(config.tone()) : null;
      Pcm in = b.cueBreaths() > 0 ? sentence(b.inhaleCue()) : null;
      Pcm out = b.cueBreaths() > 0 ? sentence(b.exhaleCue()) : null;
      return new BreatheSegment(index, label, schedule, tone, in, out, b.cueBreaths());
    }

    /** Places the sentences of {@code text} from {@code at}, with their pauses; returns where it ends. */
    private long speak(String text, List<Timeline.Placed> sounds, long at) throws SpeechException {
      var speech = config.speech();
      long cursor = at;
      for (List<String> paragraph : Sentences.paragraphs(text)) {
        for (int s = 0; s < paragraph.size(); s++) {
          Pcm pcm = sentence(paragraph.get(s));
          sounds.add(new Timeline.Placed(cursor, new PcmSound(pcm, 1.0)));
          boolean lastOfParagraph = s == paragraph.size() - 1;
          cursor += pcm.length() + Pcm.samplesOf(lastOfParagraph ? speech.paragraphPause() : speech.sentencePause());
        }
      }
      return cursor;
    }

    private Pcm sentence(String text) throws SpeechException {
      Pcm pcm = speaker.speak(text);
      progress.sentenceReady(++done, total);
      return pcm;
    }
  }
}
