package org.cmtkiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cmtkiosk.journal.Journal;
import org.cmtkiosk.journal.SessionRecord;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.ButtonGestures;
import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Heard;
import org.cmtkiosk.listen.KeyboardCommands;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;

/**
 * The session flow of the kiosk and of {@code practice}: idle → welcome (the day's first) or greeting → the offered
 * practices read one at a time → check-in → orientation → practice → check-in → closing → idle.
 *
 * <p>One way out, the same in every state: "stop" (or one press during guidance) silences at once — an evocative
 * practice then leads to grounding, anything else to a calm close; "too much", "grounding" (or a long hold) lead to
 * grounding from anywhere; "help" says where help is. Grounding lands on the site's help line and a choice: again,
 * rest in silence, something gentle, or finish — never straight back into the evocative practice.
 *
 * <p>Every visit starts from nothing. A paused practice ends after {@code session.pause_timeout}. All time comes
 * from the injected clock and {@link #tick}; the stage's calls return at once, so holding this monitor is safe.
 */
public final class KioskFlow {
  /** Where the flow is. */
  public enum State {
    IDLE, WELCOME, MENU, OFFER, CHECK_IN, LOW_RATING, ORIENTATION, PRACTICE, PAUSED, CONFIRM_MENU, GROUNDING,
    LANDING, REST, CLOSING
  }

  /** The gap between the numbers of a check-in's slow count. */
  static final Duration COUNT_GAP = Duration.ofMillis(1200);
  private static final List<State> ASKING = List.of(State.MENU, State.OFFER, State.CHECK_IN, State.LOW_RATING,
      State.CONFIRM_MENU, State.LANDING);
  /** The states that read a list out. */
  private static final List<State> LISTING = List.of(State.MENU, State.CHECK_IN, State.LANDING);

  /** The choices after a grounding. */
  enum Landing { AGAIN, REST, GENTLE, FINISH }

  private final KioskSettings settings;
  private final Offering offering;
  private final Practice welcome;
  private final Practice grounding;
  private final Vocabulary vocabulary;
  private final Stage stage;
  private final Clock clock;
  private final Journal journal;
  private final Performer performer;
  private final DigitEntry digits = new DigitEntry();
  private boolean voice = true;
  private State state = State.IDLE;
  private Visit visit;
  private Instant pausedAt;
  private State confirmFrom;
  private SpokenList<?> list;
  private List<Practice> menuItems;
  private LocalDate lastWelcome;
  private Instant soundLostAt;

  /** @param journal receives each finished visit's record (and nothing at its start: for tests) */
  public KioskFlow(KioskSettings settings, Offering offering, Practice welcome, Practice grounding,
      Vocabulary vocabulary, Stage stage, Clock clock, Consumer<SessionRecord> journal) {
    this(settings, offering, welcome, grounding, vocabulary, stage, clock, Journal.endOnly(journal));
  }

  /**
   * @param welcome the day's first welcome, or null to greet with a sentence
   * @param grounding the safety landing's practice, or null to say a short grounding instead
   * @param journal records each visit: a start record when it begins, events as they happen, the whole at its end
   */
  public KioskFlow(KioskSettings settings, Offering offering, Practice welcome, Practice grounding,
      Vocabulary vocabulary, Stage stage, Clock clock, Journal journal) {
    this.settings = settings;
    this.offering = offering;
    this.welcome = welcome;
    this.grounding = grounding;
    this.vocabulary = vocabulary;
    this.stage = stage;
    this.clock = clock;
    this.journal = journal;
    this.performer = new Performer(stage, clock, this, this::note, this::ended);
    stage.light(Stage.Light.IDLE);
  }

  public synchronized State state() {
    return state;
  }

  /** What the recogniser should listen for now. */
  public synchronized Context context() {
    return switch (state) {
      case IDLE -> Context.IDLE;
      case MENU, OFFER -> Context.MENU;
      case CHECK_IN -> Context.NUMBER;
      case LOW_RATING, CONFIRM_MENU -> Context.YES_NO;
      case LANDING, REST -> Context.LANDING;
      case WELCOME, ORIENTATION, PRACTICE, PAUSED, GROUNDING, CLOSING -> Context.PRACTICE;
    };
  }

  /** Whether voice control is working: without it, the check-in counts at once instead of waiting for a number. */
  public synchronized void voiceAvailable(boolean available) {
    voice = available;
  }

  /** What the recogniser heard. */
  public synchronized void heard(Heard h) {
    if (h instanceof Heard.CommandHeard c) {
      hears("voice \"" + c.words() + "\" (" + name(c.command()) + ")");
      dispatch(c.command());
    } else if (h instanceof Heard.PracticeHeard p) {
      hears("voice \"" + p.spokenName() + "\"");
      named(p.spokenName());
    } else if (h instanceof Heard.NumberHeard n) {
      hears("voice \"" + Prompts.Numbers.word(n.value()) + "\"");
      if (state == State.CHECK_IN) {
        answered(OptionalInt.of(n.value()));
      }
    } else if (h instanceof Heard.NotUnderstood n) {
      hears("voice, not understood: \"" + n.words() + "\"");
    }
  }

  /** A command whose source does not matter (voice, key or button already interpreted). */
  public synchronized void command(Command c) {
    hears(name(c));
    dispatch(c);
  }

  /** A gesture of the one button: its meaning depends on the moment (see {@link #pressMeans}). */
  public synchronized void button(Gesture g) {
    Command c = switch (g) {
      case LONG -> Command.GROUND_ME;
      case DOUBLE -> performer.isPlaying() ? Command.PAUSE_OR_RESUME : pressMeans();
      case SHORT -> pressMeans();
    };
    hears("button, " + ButtonGestures.describe(g) + " (" + name(c) + ")");
    dispatch(c);
  }

  /** A key: digits are numbers or list items, {@code b} is the button's one press, Enter chooses; others as voice. */
  public synchronized void key(char key) {
    if (key >= '0' && key <= '9') {
      hears("key " + key);
      digit(key - '0');
    } else if (Character.toLowerCase(key) == KeyboardCommands.BUTTON) {
      Command c = pressMeans();
      hears("key b, the button's one press (" + name(c) + ")");
      dispatch(c);
    } else if (key == '\r' || key == '\n') {
      enter();
    } else {
      KeyboardCommands.forKey(key).ifPresent(c -> {
        hears("key " + (key == ' ' ? "space" : String.valueOf(key)) + " (" + name(c) + ")");
        dispatch(c);
      });
    }
  }

  /** After two misunderstandings: says what can be said, then carries on. */
  public synchronized void confused(String whatYouCanSay) {
    if (performer.isPlaying() && state != State.PAUSED && state != State.CONFIRM_MENU) {
      performer.interject(whatYouCanSay);
    } else if (state != State.IDLE && state != State.REST && !performer.stopping()) {
      say(whatYouCanSay, this::carryOn);
    }
  }

  /** The sound output was lost: the flow waits (its timers stand still) until it is back. */
  public synchronized void soundLost() {
    if (soundLostAt == null) {
      soundLostAt = clock.instant();
      note("sound output lost; waiting for it to come back");
      if (visit != null) {
        visit.recording.soundLost(soundLostAt);
      }
    }
  }

  /** The sound card ran dry once (a click or gap was heard): counted in the visit's journal record. */
  public synchronized void underrun() {
    if (visit != null) {
      visit.recording.underrun();
    }
  }

  /** The sound output is back: the timers go on, and a question waiting for an answer is asked again. */
  public synchronized void soundBack() {
    if (soundLostAt == null) {
      return;
    }
    Duration lost = Duration.between(soundLostAt, clock.instant());
    soundLostAt = null;
    if (visit != null) {
      visit.recording.soundBack(clock.instant());
    }
    performer.notCounting(lost);
    pausedAt = pausedAt == null ? null : pausedAt.plus(lost);
    note("sound output back after " + lost.toSeconds() + " s");
    if (!performer.speaking() && ASKING.contains(state)) {
      carryOn();
    }
  }

  /**
   * Starts a visit straight into {@code practice} (the {@code practice} command): check-in, orientation, the
   * practice, and everything after it, as in the kiosk. Returns false if a visit is already under way.
   */
  public synchronized boolean startPractice(Practice practice) {
    if (state != State.IDLE) {
      return false;
    }
    hears("start " + practice.id());
    beginVisit();
    choose(practice);
    return true;
  }

  /** Lets time pass: reads the next item of a list, counts, offers, says goodbye, ends a long pause. */
  public synchronized void tick() {
    Instant now = clock.instant();
    if (soundLostAt != null) {
      endIfSoundLostTooLong(now);
      return;
    }
    digits.due(now, false).ifPresent(this::digitComplete);
    if (performer.giveUpOnSilentStage(now)) {
      return;
    }
    if (state == State.PAUSED && now.compareTo(pausedAt.plus(settings.pauseTimeout())) >= 0) {
      note("paused for " + settings.pauseTimeout().toSeconds() + " s: ending the practice");
      stopPlaying(Outcome.ENDED_WHILE_PAUSED, () -> close(Prompts.PAUSE_CLOSE), State.CLOSING);
    } else {
      performer.quietFor(now).ifPresent(this::waited);
    }
  }

  /** The kiosk is shutting down: stops what plays and journals the visit under way, if any. */
  public synchronized void shutdown() {
    performer.abandon().filter(p -> visit != null).ifPresent(p -> visit.log.practice(new Stage.Ended(
        new SessionRecord.PracticeDone(p.id(), p.version(), Outcome.STOPPED_EARLY, List.of()), List.of(),
        Optional.empty())));
    endVisit();
  }

  private void dispatch(Command c) {
    boolean inVisit = visit != null;
    if (inVisit) {
      visit.log.command(c);
    }
    if (performer.stopping()) {
      whileStopping(c);
    } else {
      act(c);
    }
    if (!inVisit && visit != null) {
      visit.log.command(c);
    }
  }

  private void act(Command c) {
    switch (c) {
      case STOP -> stop();
      case GROUND_ME -> ground();
      case HELP -> help();
      case START -> start();
      case PAUSE, RESUME, PAUSE_OR_RESUME -> pauseOrResume(c);
      case SLOWER, FASTER, LOUDER, QUIETER, TONE -> adjust(c);
      case REPEAT -> repeat();
      case SKIP -> skip();
      case MENU -> menuAsked();
      case YES -> yes();
      case NO -> no();
      case REST -> rest();
      case GENTLE -> gentle();
      case CHOOSE -> choosePressed();
    }
  }

  /** While a practice fades out after a stop, only grounding can change where it leads. */
  private void whileStopping(Command c) {
    if (c == Command.GROUND_ME && state != State.GROUNDING) {
      performer.thenInstead(this::playGrounding);
      state = State.GROUNDING;
    }
  }

  // ---- The way out

  /** Stop: silence at once; an evocative practice leads to grounding, a grounding to its landing, else a calm close. */
  private void stop() {
    if (performer.isPlaying()) {
      Practice p = performer.playing();
      if (performer.playingAs() == State.GROUNDING) {
        stopPlaying(Outcome.STOPPED_EARLY, this::enterLanding, State.LANDING);
      } else if (performer.playingAs() == State.PRACTICE && p.intensity() == Intensity.EVOCATIVE) {
        visit.groundedFrom = p;
        stopPlaying(Outcome.GROUNDING_OFFERED, this::playGrounding, State.GROUNDING);
      } else {
        stopPlaying(Outcome.STOPPED_EARLY, () -> close(Prompts.CALM_CLOSE), State.CLOSING);
      }
    } else if (state == State.GROUNDING) {
      performer.hush();
      enterLanding();
    } else if (state == State.CLOSING) {
      performer.hush();
      endVisit();
    } else if (state == State.IDLE) {
      performer.hush();
    } else {
      close(Prompts.CALM_CLOSE);
    }
  }

  /** Too much, grounding, a long hold: to the grounding practice from anywhere (from idle, a visit starts). */
  private void ground() {
    if (state == State.IDLE) {
      beginVisit();
    }
    if (performer.isPlaying() && performer.playingAs() == State.GROUNDING) {
      if (state == State.PAUSED || state == State.CONFIRM_MENU) {
        resumePlaying();
      }
      note("already grounding; carrying on");
    } else if (performer.isPlaying()) {
      if (performer.playingAs() == State.PRACTICE) {
        visit.groundedFrom = performer.playing();
      }
      stopPlaying(Outcome.GROUNDING_OFFERED, this::playGrounding, State.GROUNDING);
    } else {
      playGrounding();
    }
  }

  private void playGrounding() {
    state = State.GROUNDING;
    if (grounding == null) {
      say(Prompts.GROUNDING_FALLBACK, this::enterLanding);
    } else {
      play(grounding, State.GROUNDING);
    }
  }

  /** Help: where help is, what the device is not, what can be said; then back to where the person was. */
  private void help() {
    String where = settings.safety().spokenHelpLine();
    if (state == State.IDLE) {
      say(Prompts.helpWhenIdle(where, vocabulary.whatYouCanSay(Context.IDLE)), null);
    } else if (performer.isPlaying() && state != State.PAUSED && state != State.CONFIRM_MENU) {
      performer.interject(Prompts.help(where, vocabulary.whatYouCanSay(Context.PRACTICE)));
    } else {
      pausedAt = state == State.PAUSED ? clock.instant() : pausedAt;
      say(Prompts.help(where, vocabulary.whatYouCanSay(context())), this::carryOn);
    }
  }

  // ---- Starting and choosing

  private void start() {
    switch (state) {
      case IDLE -> {
        beginVisit();
        greet();
      }
      case MENU, OFFER -> defaultPractice().ifPresent(this::choose);
      default -> { }
    }
  }

  private void beginVisit() {
    visit = new Visit(clock, journal.begin(clock.instant()));
    stage.quiet(settings.quietHours().contains(LocalTime.now(clock.withZone(ZoneId.systemDefault()))));
    stage.light(Stage.Light.SESSION);
    note("session started");
  }

  private void greet() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    if (welcome != null && !today.equals(lastWelcome)) {
      lastWelcome = today;
      state = State.WELCOME;
      play(welcome, State.WELCOME);
    } else {
      state = State.MENU;
      say(Prompts.GREETING, () -> enterMenu(false));
    }
  }

  private void enterMenu(boolean gentleOnly) {
    visit.gentleMenu = gentleOnly;
    List<Practice> items = (gentleOnly ? gentleChoices() : offering.practices());
    if (items.isEmpty()) {
      close(Prompts.NOTHING_TO_OFFER);
      return;
    }
    state = State.MENU;
    menuItems = items;
    list = new SpokenList<>(items, items.stream().map(Prompts::item).toList(), listGaps(), false, this::choose,
        this::offerDefault);
    say(gentleOnly ? Prompts.GENTLE_MENU : Prompts.MENU, this::nextItem);
  }

  private SpokenList.Gaps listGaps() {
    return new SpokenList.Gaps(Duration.ZERO, settings.itemGap(), settings.menuWait());
  }

  private void offerDefault() {
    state = State.OFFER;
    defaultPractice().ifPresent(p -> say(Prompts.offer(p), null));
  }

  /** The gentle practices on offer, but not the one that led to the grounding. */
  private List<Practice> gentleChoices() {
    return offering.gentle().stream().filter(p -> !p.equals(visit.groundedFrom)).toList();
  }

  private List<Practice> menuItems() {
    return menuItems == null ? offering.practices() : menuItems;
  }

  private Optional<Practice> defaultPractice() {
    List<Practice> items = menuItems();
    return items.stream().filter(p -> p.id().equals(settings.offer().defaultPractice())).findFirst()
        .or(() -> items.stream().findFirst());
  }

  private void named(String spokenName) {
    List<Practice> choices = switch (state) {
      case MENU, OFFER -> menuItems();
      case LANDING, REST -> gentleChoices();
      default -> List.of();
    };
    String name = spokenName.toLowerCase(Locale.ROOT).strip();
    choices.stream().filter(p -> p.spokenName().toLowerCase(Locale.ROOT).equals(name)).findFirst()
        .ifPresent(this::choose);
  }

  /** A practice was chosen: the check-in before it (once a visit), then the orientation and the practice. */
  private void choose(Practice practice) {
    visit.chosen = practice;
    note("chosen: " + practice.id() + " (" + practice.intensity().name().toLowerCase(Locale.ROOT) + ")");
    if (settings.checkIn() && !visit.askedBefore) {
      visit.askedBefore = true;
      askCalm(true, Prompts.chosen(practice) + " ");
    } else {
      orient(Prompts.chosen(practice) + " ");
    }
  }

  private void orient(String before) {
    state = State.ORIENTATION;
    Practice p = visit.chosen;
    say(before + Prompts.orientation(p, settings.safety().spokenHelpLine()), () -> playPractice(p));
  }

  private void playPractice(Practice p) {
    state = State.PRACTICE;
    play(p, State.PRACTICE);
  }

  /** Plays {@code p} as the welcome, a practice or a grounding; a chosen practice is journalled as it begins. */
  private void play(Practice p, State as) {
    if (as == State.PRACTICE) {
      visit.recording.practiceBegins(p.id(), clock.instant());
    }
    performer.play(p, as);
  }

  // ---- Check-in

  private void askCalm(boolean beforePractice, String before) {
    state = State.CHECK_IN;
    visit.checkInBefore = beforePractice;
    List<Integer> numbers = IntStream.rangeClosed(0, 10).boxed().toList();
    list = new SpokenList<>(numbers, numbers.stream().map(Prompts::count).toList(), new SpokenList.Gaps(
        voice ? settings.answerWait() : Duration.ZERO, COUNT_GAP, settings.answerWait()), true,
        n -> answered(OptionalInt.of(n)), () -> answered(OptionalInt.empty()));
    digits.clear();
    say(before + Prompts.CHECK_IN, null);
  }

  private void answered(OptionalInt calm) {
    digits.clear();
    boolean before = visit.checkInBefore;
    calm.ifPresent(n -> {
      if (before) {
        visit.log.calmBefore(n);
      } else {
        visit.log.calmAfter(n);
      }
    });
    String confirm = calm.isPresent() ? Prompts.confirm(calm.getAsInt()) + " " : "";
    if (calm.isPresent() && calm.getAsInt() <= settings.safety().lowRating()) {
      state = State.LOW_RATING;
      say(confirm + Prompts.lowRating(settings.safety().spokenHelpLine(), before), null);
    } else if (before) {
      orient(confirm);
    } else {
      close(confirm + Prompts.CLOSING);
    }
  }

  // ---- Practices

  /** Asks the stage to end the practice as {@code outcome}; {@code then} runs when it has ended. */
  private void stopPlaying(Outcome outcome, Runnable then, State meanwhile) {
    state = meanwhile;
    performer.stop(outcome, then);
  }

  /** A practice ended (reported under this monitor): journal it, and go on if it ended by itself. */
  private void ended(Practice practice, State as, Stage.Ended ended, boolean stopped) {
    if (visit != null) {
      visit.log.practice(ended);
    }
    if (stopped) {
      return;
    }
    Outcome outcome = ended.done().outcome();
    if (as == State.WELCOME) {
      state = State.MENU;
      say(Prompts.afterWelcome(settings.safety().spokenHelpLine()), () -> enterMenu(false));
    } else if (as == State.GROUNDING) {
      enterLanding();
    } else if (outcome == Outcome.ERROR) {
      close(Prompts.SORRY);
    } else if (outcome != Outcome.COMPLETED) {
      close(Prompts.CALM_CLOSE);
    } else if (settings.checkIn()) {
      askCalm(false, "");
    } else {
      close(Prompts.CLOSING);
    }
  }

  private void pauseOrResume(Command c) {
    if (state == State.CONFIRM_MENU && c != Command.PAUSE) {
      no();
      return;
    }
    boolean paused = state == State.PAUSED;
    if (!performer.isPlaying() || state == State.CONFIRM_MENU || c == Command.PAUSE && paused
        || c == Command.RESUME && !paused) {
      return;
    }
    if (paused) {
      resumePlaying();
    } else {
      stage.pause();
      pausedAt = clock.instant();
      state = State.PAUSED;
      note("paused; it ends by itself after " + settings.pauseTimeout().toSeconds() + " s");
    }
  }

  private void resumePlaying() {
    performer.hush();
    stage.resume();
    state = performer.playingAs();
    pausedAt = null;
    note("resumed");
  }

  private void adjust(Command c) {
    if (performer.isPlaying() && state != State.CONFIRM_MENU) {
      stage.adjust(c);
    }
  }

  // ---- Repeat, skip, menu, yes, no

  private void repeat() {
    switch (state) {
      case WELCOME, PRACTICE, GROUNDING -> stage.repeatSentence();
      case PAUSED -> {
        resumePlaying();
        stage.repeatSentence();
      }
      case LANDING, REST -> ground();
      case MENU -> enterMenu(visit.gentleMenu);
      case CHECK_IN -> askCalm(visit.checkInBefore, "");
      case OFFER, LOW_RATING, CONFIRM_MENU, ORIENTATION -> carryOn();
      default -> { }
    }
  }

  private void skip() {
    switch (state) {
      case WELCOME, PRACTICE, GROUNDING -> stage.skipSection();
      case PAUSED -> {
        resumePlaying();
        stage.skipSection();
      }
      case MENU, LANDING -> nextItem();
      case CHECK_IN -> answered(OptionalInt.empty());
      case OFFER, LOW_RATING, CONFIRM_MENU -> no();
      case ORIENTATION -> playPractice(visit.chosen);
      case CLOSING -> {
        performer.hush();
        endVisit();
      }
      default -> { }
    }
  }

  /** "Menu": back to the list — during a practice only after a yes; from a grounding, to the gentle ones. */
  private void menuAsked() {
    switch (state) {
      case PRACTICE, PAUSED -> {
        if (performer.playingAs() == State.PRACTICE) {
          confirmFrom = state;
          if (state == State.PRACTICE) {
            stage.pause();
          }
          state = State.CONFIRM_MENU;
          say(Prompts.CONFIRM_MENU, null);
        } else {
          toMenuFromPlaying();
        }
      }
      case WELCOME, GROUNDING -> toMenuFromPlaying();
      case LANDING, REST -> enterMenu(true);
      case MENU, OFFER, CHECK_IN, ORIENTATION, LOW_RATING -> enterMenu(visit.gentleMenu);
      default -> { }
    }
  }

  private void toMenuFromPlaying() {
    boolean gentle = state == State.GROUNDING || performer.playingAs() == State.GROUNDING;
    if (performer.isPlaying()) {
      stopPlaying(Outcome.STOPPED_EARLY, () -> enterMenu(gentle), State.MENU);
    } else {
      enterMenu(gentle);
    }
  }

  private void yes() {
    switch (state) {
      case MENU, OFFER -> defaultPractice().ifPresent(this::choose);
      case LOW_RATING -> ground();
      case CONFIRM_MENU -> stopPlaying(Outcome.STOPPED_EARLY, () -> enterMenu(false), State.MENU);
      default -> { }
    }
  }

  private void no() {
    switch (state) {
      case OFFER -> close(Prompts.GOODBYE);
      case LOW_RATING -> {
        if (visit.checkInBefore) {
          orient("");
        } else {
          close(Prompts.CLOSING);
        }
      }
      case CONFIRM_MENU -> {
        if (confirmFrom == State.PRACTICE) {
          resumePlaying();
        } else {
          performer.hush();
          state = State.PAUSED;
          pausedAt = clock.instant();
        }
      }
      default -> { }
    }
  }

  // ---- After grounding

  private void enterLanding() {
    state = State.LANDING;
    List<Landing> items = gentleChoices().isEmpty() ? List.of(Landing.AGAIN, Landing.REST, Landing.FINISH)
        : List.of(Landing.values());
    list = new SpokenList<>(items, items.stream().map(Prompts::landing).toList(), listGaps(), false, this::landed,
        this::rest);
    say(Prompts.landing(settings.safety().spokenHelpLine()), this::nextItem);
  }

  private void landed(Landing choice) {
    switch (choice) {
      case AGAIN -> ground();
      case REST -> rest();
      case GENTLE -> gentle();
      case FINISH -> close(Prompts.CALM_CLOSE);
    }
  }

  private void rest() {
    if (state == State.LANDING) {
      state = State.REST;
      say(Prompts.REST, null);
    }
  }

  private void gentle() {
    if (state == State.LANDING || state == State.REST) {
      enterMenu(true);
    }
  }

  // ---- Lists: one press chooses the item just heard

  /** What one short press means now: start, choose the item just heard, yes, or stop. */
  private Command pressMeans() {
    return switch (state) {
      case IDLE -> Command.START;
      case MENU, CHECK_IN, LANDING, REST -> Command.CHOOSE;
      case OFFER, LOW_RATING, CONFIRM_MENU -> Command.YES;
      case WELCOME, ORIENTATION, PRACTICE, PAUSED, GROUNDING, CLOSING -> Command.STOP;
    };
  }

  private void choosePressed() {
    Instant now = clock.instant();
    switch (state) {
      case MENU, LANDING, CHECK_IN -> {
        if (!list.pressedAt(now)) {
          nextItem();
        }
      }
      case OFFER, LOW_RATING, CONFIRM_MENU -> yes();
      case REST -> enterLanding();
      default -> { }
    }
  }

  /** Enter: a number typed so far, else what one press would choose; never a stop (that is s). */
  private void enter() {
    OptionalInt pending = digits.due(clock.instant(), true);
    if (pending.isPresent()) {
      hears("key Enter");
      digitComplete(pending.getAsInt());
    } else if (pressMeans() != Command.STOP) {
      Command c = pressMeans();
      hears("key Enter (" + name(c) + ")");
      dispatch(c);
    } else {
      hears("key Enter (nothing to choose now)");
    }
  }

  private void digit(int d) {
    if (list != null && (LISTING.contains(state) || state == State.OFFER)) {
      digits.digit(d, clock.instant(), list.maxKey()).ifPresent(this::digitComplete);
    }
  }

  private void digitComplete(int n) {
    if (list != null && (LISTING.contains(state) || state == State.OFFER)) {
      list.typed(n);
    }
  }

  /** Reads the next item of the list, or, after the last, ends it (the offer, the rest, no answer). */
  private void nextItem() {
    if (list == null || !LISTING.contains(state)) {
      return;
    }
    if (list.isLast()) {
      list.end();
    } else {
      readItem(list.index() + 1);
    }
  }

  private void readItem(int i) {
    list.reading(i, clock.instant());
    note("choice " + (i + 1) + " of " + list.items().size() + " (key " + list.keyOf(i) + ")");
    say(list.text(i), null);
  }

  /** Silence has lasted {@code quiet} in a waiting state: move on as that state does. */
  private void waited(Duration quiet) {
    switch (state) {
      case MENU, LANDING, CHECK_IN -> after(quiet, list.gapAfterCurrent(), this::nextItem);
      case OFFER -> after(quiet, settings.goodbyeAfter(), () -> close(Prompts.GOODBYE));
      case LOW_RATING, CONFIRM_MENU -> after(quiet, settings.answerWait().multipliedBy(2), this::no);
      case REST -> after(quiet, settings.pauseTimeout(), () -> close(Prompts.REST_CLOSE));
      default -> { }
    }
  }

  private static void after(Duration quiet, Duration wait, Runnable then) {
    if (quiet.compareTo(wait) >= 0) {
      then.run();
    }
  }

  /** Says again what the current state was saying or asking (after help, a misunderstanding, sound coming back). */
  private void carryOn() {
    switch (state) {
      case MENU, LANDING -> {
        if (list.index() >= 0) {
          readItem(list.index());
        } else if (state == State.MENU) {
          enterMenu(visit.gentleMenu);
        } else {
          enterLanding();
        }
      }
      case CHECK_IN -> askCalm(visit.checkInBefore, "");
      case OFFER -> defaultPractice().ifPresent(p -> say(Prompts.offer(p), null));
      case LOW_RATING -> say(Prompts.lowRating(settings.safety().spokenHelpLine(), visit.checkInBefore), null);
      case CONFIRM_MENU -> say(Prompts.CONFIRM_MENU, null);
      case ORIENTATION -> orient("");
      case CLOSING -> endVisit();
      default -> { }
    }
  }

  // ---- Speech, closing and the end of a visit

  /** Speaks {@code text} with the light the state calls for; {@code then} (if any) runs when it has been said. */
  private void say(String text, Runnable then) {
    Stage.Light light = ASKING.contains(state) ? Stage.Light.LISTENING : Stage.Light.SESSION;
    performer.say(text, light, then == null && state == State.IDLE ? () -> stage.light(Stage.Light.IDLE) : then);
  }

  /** Says a closing sentence, then ends the visit. */
  private void close(String text) {
    performer.hush();
    state = State.CLOSING;
    say(text, this::endVisit);
  }

  private void endIfSoundLostTooLong(Instant now) {
    if (state != State.IDLE && !performer.isPlaying() && !now.isBefore(soundLostAt.plus(settings.pauseTimeout()))) {
      note("no sound for " + settings.pauseTimeout().toSeconds() + " s: ending the session");
      performer.hush();
      endVisit();
    }
  }

  /** Forgets the visit first, then journals it: a journal that fails cannot leave the flow half-reset. */
  private void endVisit() {
    Visit ending = visit;
    visit = null;
    state = State.IDLE;
    list = null;
    menuItems = null;
    pausedAt = null;
    digits.clear();
    stage.quiet(false);
    stage.light(Stage.Light.IDLE);
    if (ending != null) {
      note("session ended and journalled");
      ending.recording.end(ending.log.record(clock));
    }
  }

  // ---- Subtitles

  private void hears(String what) {
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.HEARD, what));
  }

  private void note(String what) {
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.NOTE, what));
  }

  private static String name(Command c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
