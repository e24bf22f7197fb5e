package org.cmtkiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cmtkiosk.config.KioskConfig;
import org.cmtkiosk.journal.Journal;
import org.cmtkiosk.journal.Recording;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;

/**
 * The always-on session flow: idle → welcome → menu (a default offer after a silence, goodbye after a longer
 * one) → optional check-in → practice → optional check-in → closing → idle, with help, stop and "too much" at any
 * time. Every session starts from nothing: no choice, rating or pace of the previous person is carried over.
 * Time comes from the injected clock; {@link #tick} lets it pass.
 */
public final class KioskFlow {
  /** Where the flow is. */
  public enum State { IDLE, SAYING, WELCOME, MENU, OFFER, CHECK_IN, PRACTICE, GROUNDING }

  private final KioskConfig config;
  private final List<Practice> offered;
  private final Practice welcome;
  private final Practice grounding;
  private final Vocabulary vocabulary;
  private final Stage stage;
  private final Clock clock;
  private final Journal journal;
  private State state = State.IDLE;
  private State afterSaying = State.IDLE;
  private Instant waitingSince;
  private SessionLog log;
  private Recording recording;
  private PracticeRun run;
  private PracticeControls controls;
  private boolean checkedInBefore;
  private boolean checkInAfterPractice;
  private Practice chosen;
  private LocalDate lastWelcome;

  /** @param journal receives each finished session's record */
  public KioskFlow(KioskConfig config, List<Practice> offered, Practice welcome, Practice grounding,
      Vocabulary vocabulary, Stage stage, Clock clock, Consumer<SessionRecord> journal) {
    this(config, offered, welcome, grounding, vocabulary, stage, clock, Journal.endOnly(journal));
  }

  /** @param journal records each session: a start record when it begins, the whole session when it ends */
  public KioskFlow(KioskConfig config, List<Practice> offered, Practice welcome, Practice grounding,
      Vocabulary vocabulary, Stage stage, Clock clock, Journal journal) {
    this.config = config;
    this.offered = List.copyOf(offered);
    this.welcome = welcome;
    this.grounding = grounding;
    this.vocabulary = vocabulary;
    this.stage = stage;
    this.clock = clock;
    this.journal = journal;
    stage.light(Stage.Light.IDLE);
  }

  public synchronized State state() {
    return state;
  }

  /** What the recogniser should listen for now. */
  public synchronized Context context() {
    State s = state == State.SAYING ? afterSaying : state;
    return switch (s) {
      case IDLE -> Context.IDLE;
      case MENU, OFFER -> Context.MENU;
      case CHECK_IN -> Context.NUMBER;
      case PRACTICE, GROUNDING, WELCOME, SAYING -> Context.PRACTICE;
    };
  }

  /** A command from the button, the keyboard or the voice. */
  public synchronized void command(Command c) {
    if (log != null) {
      log.command(c);
    }
    dispatch(c);
  }

  private void dispatch(Command c) {
    if (state == State.IDLE) {
      if (c == Command.START || c == Command.PAUSE_OR_RESUME) {
        startSession();
        log.command(Command.START);
      }
      return;
    }
    if (c == Command.HELP) {
      help();
      return;
    }
    switch (state) {
      case PRACTICE, GROUNDING, WELCOME -> inPractice(c);
      case MENU, OFFER -> inMenu(c);
      case CHECK_IN -> {
        if (c == Command.SKIP || c == Command.START || c == Command.PAUSE_OR_RESUME) {
          answered(Optional.empty());
        } else if (c == Command.STOP) {
          goodbye();
        }
      }
      case SAYING -> {
        if (c == Command.STOP) {
          stage.hush();
          goodbye();
        } else if (answersTheQuestion()) {
          stage.hush();
          state = afterSaying;
          waitingSince = clock.instant();
          dispatch(c);
        }
      }
      default -> { }
    }
  }

  /** Whether the prompt being said asks something a person may answer before it ends. */
  private boolean answersTheQuestion() {
    return afterSaying == State.MENU || afterSaying == State.OFFER || afterSaying == State.CHECK_IN;
  }

  /** What the recogniser heard (commands go through {@link #command}). */
  public synchronized void heard(Heard h) {
    if (state == State.SAYING && !(h instanceof Heard.CommandHeard) && answersTheQuestion()) {
      stage.hush();
      state = afterSaying;
      waitingSince = clock.instant();
    }
    if (h instanceof Heard.CommandHeard c) {
      command(c.command());
    } else if (h instanceof Heard.PracticeHeard p && (state == State.MENU || state == State.OFFER)) {
      offered.stream().filter(x -> x.spokenName().equals(p.spokenName())).findFirst().ifPresent(this::choose);
    } else if (h instanceof Heard.NumberHeard n && state == State.CHECK_IN) {
      answered(Optional.of(n.value()));
    }
  }

  /** After two misunderstandings: say what can be said. */
  public synchronized void confused(String whatYouCanSay) {
    if (state == State.PRACTICE || state == State.GROUNDING || state == State.WELCOME) {
      stage.interject(whatYouCanSay);
    } else if (state != State.IDLE && state != State.SAYING) {
      say(whatYouCanSay, state);
    }
  }

  /** Lets time pass: offers the default after a silence, says goodbye after a longer one, skips a check-in. */
  public synchronized void tick() {
    if (waitingSince == null) {
      return;
    }
    Duration waited = Duration.between(waitingSince, clock.instant());
    var k = config.kiosk();
    if (state == State.MENU && waited.compareTo(k.menuWait()) >= 0) {
      say(Prompts.OFFER, State.OFFER);
    } else if (state == State.OFFER && waited.compareTo(k.goodbyeAfter()) >= 0) {
      goodbye();
    } else if (state == State.CHECK_IN && waited.compareTo(k.answerWait()) >= 0) {
      answered(Optional.empty());
    }
  }

  /**
   * Starts a session straight into {@code practice}, as the {@code practice} command does: no welcome or menu;
   * stopping, grounding, check-in and closing work as in the kiosk.
   */
  public synchronized void startPractice(Practice practice) {
    if (state != State.IDLE) {
      return;
    }
    log = new SessionLog(clock);
    recording = journal.begin(clock.instant());
    checkedInBefore = true;
    stage.quiet(config.kiosk().quietHours().contains(java.time.LocalTime.now(clock.withZone(ZoneId.systemDefault()))));
    stage.light(Stage.Light.SESSION);
    start(practice);
  }

  private void startSession() {
    log = new SessionLog(clock);
    recording = journal.begin(clock.instant());
    checkedInBefore = false;
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    stage.quiet(config.kiosk().quietHours().contains(java.time.LocalTime.now(clock.withZone(ZoneId.systemDefault()))));
    stage.light(Stage.Light.SESSION);
    if (welcome != null && !today.equals(lastWelcome)) {
      lastWelcome = today;
      state = State.WELCOME;
      run = stage.play(welcome, this::afterWelcome);
      controls = new PracticeControls(run, config.audio());
    } else {
      say(Prompts.WELCOME_BACK, State.MENU);
    }
  }

  private synchronized void afterWelcome(PracticeRun.Result result) {
    if (state != State.WELCOME || log == null) {
      return;
    }
    log.practice(result);
    if (result.done().outcome() == Outcome.COMPLETED) {
      say(menuPrompt(), State.MENU);
    } else {
      goodbye();
    }
  }

  private String menuPrompt() {
    return Prompts.menu(offered.stream().limit(config.kiosk().menuExamples()).map(Practice::spokenName).toList());
  }

  private void inMenu(Command c) {
    switch (c) {
      case YES, START, PAUSE_OR_RESUME -> defaultPractice().ifPresent(this::choose);
      case NO -> say(state == State.OFFER ? Prompts.GOODBYE : menuPrompt(), state == State.OFFER ? State.IDLE
          : State.MENU);
      case STOP -> goodbye();
      case REPEAT, MENU -> say(menuPrompt(), State.MENU);
      default -> { }
    }
  }

  private Optional<Practice> defaultPractice() {
    return offered.stream().filter(p -> p.id().equals(config.kiosk().defaultPractice())).findFirst()
        .or(() -> offered.stream().findFirst());
  }

  private void inPractice(Command c) {
    boolean stopping = c == Command.STOP || c == Command.GROUND_ME;
    if (state == State.WELCOME && stopping) {
      run.stop();
      return;
    }
    if (stopping && state == State.PRACTICE && (c == Command.GROUND_ME
        || run.practice().intensity() == Intensity.EVOCATIVE) && grounding != null) {
      run.stopForGrounding();
    } else if (stopping) {
      run.stop();
    } else if (c == Command.MENU && state == State.PRACTICE) {
      run.stop();
    } else {
      controls.handle(c);
    }
  }

  private void choose(Practice practice) {
    if (config.kiosk().checkIn() && !checkedInBefore) {
      checkedInBefore = true;
      checkInAfterPractice = false;
      chosen = practice;
      say(Prompts.CHECK_IN, State.CHECK_IN);
      return;
    }
    start(practice);
  }

  private void answered(Optional<Integer> calm) {
    if (checkInAfterPractice) {
      calm.ifPresent(log::calmAfter);
      say(Prompts.CLOSING, State.IDLE);
    } else {
      calm.ifPresent(log::calmBefore);
      start(chosen);
    }
  }

  private void start(Practice practice) {
    state = State.PRACTICE;
    waitingSince = null;
    if (recording != null) {
      recording.practiceBegins(practice.id(), clock.instant());
    }
    run = stage.play(practice, this::practiceEnded);
    controls = new PracticeControls(run, config.audio());
  }

  private synchronized void practiceEnded(PracticeRun.Result result) {
    if (log == null) {
      return;
    }
    log.practice(result);
    if (result.done().outcome() == Outcome.ERROR) {
      say(Prompts.SORRY, State.IDLE);
    } else if (state == State.GROUNDING) {
      say(Prompts.GENTLE_CLOSE, State.IDLE);
    } else if (result.done().outcome() == Outcome.GROUNDING_OFFERED) {
      state = State.GROUNDING;
      run = stage.play(grounding, this::practiceEnded);
      controls = new PracticeControls(run, config.audio());
    } else if (config.kiosk().checkIn() && result.done().outcome() == Outcome.COMPLETED) {
      checkInAfterPractice = true;
      say(Prompts.CHECK_IN, State.CHECK_IN);
    } else {
      say(Prompts.CLOSING, State.IDLE);
    }
  }

  private void help() {
    String help = config.kiosk().helpMessage() + " " + Prompts.NOT_THERAPY + " "
        + vocabulary.whatYouCanSay(context()) + " You can also press the button.";
    if (state == State.PRACTICE || state == State.GROUNDING || state == State.WELCOME) {
      stage.interject(help);
    } else {
      say(help, state == State.SAYING ? afterSaying : state);
    }
  }

  private void goodbye() {
    say(Prompts.GOODBYE, State.IDLE);
  }

  /** The kiosk is shutting down: stop what is playing and journal the session under way, if any. */
  public synchronized void shutdown() {
    if (run != null) {
      run.stop();
      if (log != null && (state == State.PRACTICE || state == State.GROUNDING || state == State.WELCOME)) {
        log.practice(run.stoppedHere());
      }
    }
    stage.hush();
    endSession();
    state = State.IDLE;
  }

  /** Speaks, then enters {@code next}; entering IDLE ends the session and journals it. */
  private void say(String text, State next) {
    state = State.SAYING;
    afterSaying = next;
    waitingSince = null;
    stage.light(next == State.CHECK_IN || next == State.MENU || next == State.OFFER ? Stage.Light.LISTENING
        : Stage.Light.SESSION);
    stage.say(text, () -> said(next));
  }

  private synchronized void said(State next) {
    if (state != State.SAYING || afterSaying != next) {
      return;
    }
    state = next;
    waitingSince = clock.instant();
    if (next == State.IDLE) {
      endSession();
    }
  }

  /** Forgets the session first, then journals it: a journal that fails cannot leave the flow half-reset. */
  private void endSession() {
    SessionLog ending = log;
    Recording endingRecording = recording;
    log = null;
    recording = null;
    run = null;
    controls = null;
    chosen = null;
    checkedInBefore = false;
    checkInAfterPractice = false;
    waitingSince = null;
    stage.quiet(false);
    stage.light(Stage.Light.IDLE);
    if (ending != null) {
      endingRecording.end(ending.record(clock));
    }
  }
}
