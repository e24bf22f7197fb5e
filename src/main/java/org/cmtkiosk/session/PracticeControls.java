package org.cmtkiosk.session;

import java.util.Locale;
import java.util.Optional;
import org.cmtkiosk.audio.TimelineStream;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.audio.AudioSettings;

/** Applies commands to a practice that is playing; says in a few words what it did, for the log or the terminal. */
public final class PracticeControls {
  private final PracticeRun run;
  private final AudioSettings audio;

  public PracticeControls(PracticeRun run, AudioSettings audio) {
    this.run = run;
    this.audio = audio;
    if (run.begun()) {
      run.stream().setVolumeDb(clamp(audio.volumeDb()));
    }
  }

  /** Carries out {@code command}; returns what changed, or empty if it does not apply while a practice plays. */
  public Optional<String> handle(Command command) {
    if (command == Command.STOP || command == Command.GROUND_ME) {
      run.stop();
      return Optional.of("stopping");
    }
    if (!run.begun()) {
      return Optional.empty();
    }
    TimelineStream s = run.stream();
    return switch (command) {
      case PAUSE -> pause(s);
      case RESUME -> resume(s);
      case PAUSE_OR_RESUME -> s.paused() ? resume(s) : pause(s);
      case SLOWER, FASTER -> Optional.of(s.changePace(command == Command.SLOWER ? 1 : -1)
          .map(p -> "pace " + p.shortForm() + String.format(Locale.ROOT, " (%.1f breaths a minute)",
              p.breathsPerMinute()))
          .orElse("pace noted for the next breathing"));
      case LOUDER, QUIETER -> volume(s, command == Command.LOUDER ? audio.volumeStepDb() : -audio.volumeStepDb());
      case TONE -> {
        s.setToneOn(!s.toneOn());
        yield Optional.of(s.toneOn() ? "tone on" : "tone off");
      }
      default -> Optional.empty();
    };
  }

  private Optional<String> pause(TimelineStream s) {
    s.pause();
    return Optional.of("paused");
  }

  private Optional<String> resume(TimelineStream s) {
    s.resume();
    return Optional.of("resumed");
  }

  private Optional<String> volume(TimelineStream s, double stepDb) {
    double target = clamp(s.volumeDb() + stepDb);
    s.setVolumeDb(target);
    return Optional.of(String.format(Locale.ROOT, "volume %+.0f dB", target));
  }

  private double clamp(double db) {
    return Math.max(audio.quietestDb(), Math.min(audio.loudestDb(), db));
  }
}
