package org.cmtkiosk.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cmtkiosk.breath.Breath;
import org.cmtkiosk.breath.BreathSchedule;
import org.cmtkiosk.breath.Phase;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.practice.Practice;
import org.cmtkiosk.practice.Step;
import org.cmtkiosk.speech.Sentences;
import org.cmtkiosk.speech.Speaker;
import org.cmtkiosk.speech.SpeechException;

/** Lays a practice out on a {@link Timeline}: speech with its pauses, silences, chimes, breathing tone and cues. */
public final class TimelineBuilder {
  private final Speaker speaker;
  private final KioskConfig config;
  private final Pcm chime;

  /** Told after each sentence is ready, e.g. to move a progress bar. */
  public interface Progress {
    void sentenceReady(int done, int total);
  }

  public TimelineBuilder(Speaker speaker, KioskConfig config) {
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

  public Timeline build(Practice practice, Progress progress) throws SpeechException {
    return new Layout(progress, sentences(practice).size()).of(practice);
  }

  /** The mutable state of laying out one practice. */
  private final class Layout {
    private final List<Timeline.Placed> sounds = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Progress progress;
    private final int total;
    private int done;
    private long cursor;

    Layout(Progress progress, int total) {
      this.progress = progress;
      this.total = total;
    }

    Timeline of(Practice practice) throws SpeechException {
      List<Step> steps = practice.steps();
      for (int i = 0; i < steps.size(); i++) {
        long start = cursor;
        Mark.Kind kind = add(steps.get(i), i);
        marks.add(new Mark(kind, start, cursor, i, "line " + steps.get(i).line()));
      }
      return new Timeline(sounds, marks, cursor);
    }

    private Mark.Kind add(Step step, int index) throws SpeechException {
      if (step instanceof Step.Say say) {
        speak(say.text());
        return Mark.Kind.SAY;
      } else if (step instanceof Step.Pause pause) {
        cursor += Pcm.samplesOf(pause.length());
        return Mark.Kind.PAUSE;
      } else if (step instanceof Step.Chime) {
        place(new PcmSound(chime, 1.0), cursor);
        cursor += chime.length();
        return Mark.Kind.CHIME;
      } else if (step instanceof Step.Ask ask) {
        speak(ask.question());
        cursor += Pcm.samplesOf(ask.answerTime());
        return Mark.Kind.ASK;
      }
      breathe((Step.Breathe) step, index);
      return Mark.Kind.BREATHE;
    }

    private void speak(String text) throws SpeechException {
      var speech = config.speech();
      List<List<String>> paragraphs = Sentences.paragraphs(text);
      for (int p = 0; p < paragraphs.size(); p++) {
        List<String> sentences = paragraphs.get(p);
        for (int s = 0; s < sentences.size(); s++) {
          Pcm pcm = sentence(sentences.get(s));
          place(new PcmSound(pcm, 1.0), cursor);
          boolean lastOfParagraph = s == sentences.size() - 1;
          cursor += pcm.length() + Pcm.samplesOf(lastOfParagraph ? speech.paragraphPause() : speech.sentencePause());
        }
      }
    }

    private Pcm sentence(String text) throws SpeechException {
      Pcm pcm = speaker.speak(text);
      progress.sentenceReady(++done, total);
      return pcm;
    }

    private void breathe(Step.Breathe step, int index) throws SpeechException {
      BreathSchedule schedule = BreathSchedule.of(step.block());
      long start = cursor;
      if (config.tone().enabled()) {
        place(new ToneSound(schedule, config.tone()), start);
      }
      Pcm in = step.cueBreaths() > 0 ? sentence(step.inhaleCue()) : null;
      Pcm out = step.cueBreaths() > 0 ? sentence(step.exhaleCue()) : null;
      for (Breath b : schedule.breaths()) {
        for (Phase phase : Phase.values()) {
          Duration from = b.phaseStart(phase);
          Duration to = from.plus(b.pattern().length(phase));
          if (!to.equals(from)) {
            marks.add(new Mark(Mark.Kind.valueOf(phase.name()), start + Pcm.samplesOf(from),
                start + Pcm.samplesOf(to), index, "breath " + (b.index() + 1) + " " + b.pattern().shortForm()));
          }
        }
        if (b.index() < step.cueBreaths()) {
          place(new PcmSound(in, 1.0), start + Pcm.samplesOf(b.start()));
          place(new PcmSound(out, 1.0), start + Pcm.samplesOf(b.phaseStart(Phase.EXHALE)));
        }
      }
      cursor = start + Pcm.samplesOf(schedule.length());
    }

    private void place(Sound sound, long at) {
      sounds.add(new Timeline.Placed(at, sound));
    }
  }
}
