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
 * <p>Every session starts from nothing. A paused practice ends after {@code session.pause_timeout}. All time comes
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
  /** How long a stopped practice may take to report its end before the flow carries on without it. */
  static final Duration STOP_GRACE = Duration.ofSeconds(5);
  /** How long a prompt may take to report its end before the flow carries on without it. */
  static final Duration SPEECH_GRACE = Duration.ofMinutes(2);

  /** The choices after a grounding. */
  enum Landing { AGAIN, REST, GENTLE, FINISH }

  private final KioskSettings settings;
  private final Offering offering;
  private final Practice welcome;
  private final Practice grounding;
  private final Vocabulary vocabulary;
  private final Stage stage;
  private final Clock clock;
  private final Consumer<SessionRecord> journal;
  private final DigitEntry digits = new DigitEntry();
  private boolean voice = true;
  private State state = State.IDLE;
  private int speechToken;
  private boolean speaking;
  private Runnable afterSpeech;
  private Instant speakingSince;
  private Instant quietSince;
  private int playToken;
  private Practice playing;
  private State playingAs;
  private Runnable whenStopped;
  private Instant stopAskedAt;
  private State pausedFrom;
  private Instant pausedAt;
  private State confirmFrom;
  private SpokenList<Practice> menu;
  private boolean menuGentle;
  private SpokenList<Integer> count;
  private SpokenList<Landing> landing;
  private SessionLog log;
  private Practice chosen;
  private boolean askedBefore;
  private boolean checkInBefore;
  private boolean lowBefore;
  private Practice groundedFrom;
  private LocalDate lastWelcome;
  private Instant soundLostAt;

  /**
   * @param welcome the day's first welcome, or null to greet with a sentence
   * @param grounding the safety landing's practice, or null to say a short grounding instead
   * @param journal receives each finished session's record
   */
  public KioskFlow(KioskSettings settings, Offering offering, Practice welcome, Practice grounding,
      Vocabulary vocabulary, Stage stage, Clock clock, Consumer<SessionRecord> journal) {
    this.settings = settings;
    this.offering = offering;
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
      number(n.value());
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
      case DOUBLE -> isPlaying() ? Command.PAUSE_OR_RESUME : pressMeans();
      case SHORT -> pressMeans();
    };
    hears("button, " + ButtonGestures.describe(g) + " (" + name(c) + ")");
    dispatch(c);
  }

  /** A key: digits are numbers or list items, {@code b} is the button's one press, Enter chooses; others mirror voice. */
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
        hears("key " + printable(key) + " (" + name(c) + ")");
        dispatch(c);
      });
    }
  }

  /** After two misunderstandings: says what can be said, then carries on. */
  public synchronized void confused(String whatYouCanSay) {
    if (isPlaying() && state != State.PAUSED) {
      interject(whatYouCanSay);
    } else if (state != State.IDLE && state != State.REST && whenStopped == null) {
      say(whatYouCanSay, this::carryOn);
    }
  }

  /** The sound output was lost: the flow waits (its timers stand still) until it is back. */
  public synchronized void soundLost() {
    if (soundLostAt == null) {
      soundLostAt = clock.instant();
      note("sound output lost; waiting for it to come back");
    }
  }

  /** The sound output is back: the timers go on, and a question waiting for an answer is asked again. */
  public synchronized void soundBack() {
    if (soundLostAt == null) {
      return;
    }
    Duration lost = Duration.between(soundLostAt, clock.instant());
    soundLostAt = null;
    quietSince = quietSince == null ? null : quietSince.plus(lost);
    pausedAt = pausedAt == null ? null : pausedAt.plus(lost);
    note("sound output back after " + lost.toSeconds() + " s");
    if (!speaking && List.of(State.MENU, State.OFFER, State.CHECK_IN, State.LOW_RATING, State.CONFIRM_MENU,
        State.LANDING).contains(state)) {
      carryOn();
    }
  }

  /**
   * Starts a session straight into {@code practice} (the {@code practice} command): check-in, orientation, the
   * practice, and everything after it, as in the kiosk. Returns false if a session is already under way.
   */
  public synchronized boolean startPractice(Practice practice) {
    if (state != State.IDLE) {
      return false;
    }
    hears("start " + practice.id());
    beginSession();
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
    if (whenStopped != null && now.isAfter(stopAskedAt.plus(STOP_GRACE))) {
      note("the practice did not report its end; carrying on without it");
      playToken++;
      stopped();
    } else if (speaking && now.isAfter(speakingSince.plus(SPEECH_GRACE))) {
      note("a prompt did not report its end; carrying on without it");
      said(speechToken);
    } else if (state == State.PAUSED && now.compareTo(pausedAt.plus(settings.pauseTimeout())) >= 0) {
      note("paused for " + settings.pauseTimeout().toSeconds() + " s: ending the practice");
      stopPlaying(Outcome.ENDED_WHILE_PAUSED, () -> close(Prompts.PAUSE_CLOSE), State.CLOSING);
    } else if (!speaking && quietSince != null) {
      waited(Duration.between(quietSince, now));
    }
  }

  /** The kiosk is shutting down: stops what plays and journals the session under way, if any. */
  public synchronized void shutdown() {
    if (playing != null) {
      playToken++;
      stage.stopPractice(Outcome.STOPPED_EARLY);
      if (log != null) {
        log.practice(new Stage.Ended(new SessionRecord.PracticeDone(playing.id(), playing.version(),
            Outcome.STOPPED_EARLY, List.of()), List.of(), Optional.empty()));
      }
    }
    hush();
    endSession();
  }

  private void dispatch(Command c) {
    boolean inSession = log != null;
    if (inSession) {
      log.command(c);
    }
    if (whenStopped != null) {
      whileStopping(c);
    } else {
      act(c);
    }
    if (!inSession && log != null) {
      log.command(c);
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

  /** While a practice fades out after a stop, only grounding (and help) can change where it leads. */
  private void whileStopping(Command c) {
    if (c == Command.GROUND_ME && state != State.GROUNDING) {
      whenStopped = this::playGrounding;
      state = State.GROUNDING;
    }
  }

  // ---- The way out

  /** Stop: silence at once; an evocative practice leads to grounding, a grounding to its landing, else a calm close. */
  private void stop() {
    if (isPlaying()) {
      if (playingAs == State.GROUNDING) {
        stopPlaying(Outcome.STOPPED_EARLY, this::enterLanding, State.LANDING);
      } else if (playingAs == State.PRACTICE && playing.intensity() == Intensity.EVOCATIVE) {
        groundedFrom = playing;
        stopPlaying(Outcome.GROUNDING_OFFERED, this::playGrounding, State.GROUNDING);
      } else {
        stopPlaying(Outcome.STOPPED_EARLY, () -> close(Prompts.CALM_CLOSE), State.CLOSING);
      }
    } else if (state == State.GROUNDING) {
      hush();
      enterLanding();
    } else if (state == State.CLOSING) {
      hush();
      endSession();
    } else if (state == State.IDLE) {
      hush();
    } else {
      close(Prompts.CALM_CLOSE);
    }
  }

  /** Too much, grounding, a long hold: to the grounding practice from anywhere (from idle, a session starts). */
  private void ground() {
    if (state == State.IDLE) {
      beginSession();
    }
    if (isPlaying() && playingAs == State.GROUNDING) {
      if (state == State.PAUSED || state == State.CONFIRM_MENU) {
        resumePlaying();
      }
      note("already grounding; carrying on");
    } else if (isPlaying()) {
      groundedFrom = playingAs == State.PRACTICE ? playing : groundedFrom;
      stopPlaying(Outcome.GROUNDING_OFFERED, this::playGrounding, State.GROUNDING);
    } else {
      playGrounding();
    }
  }

  private void playGrounding() {
    if (grounding == null) {
      state = State.GROUNDING;
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
    } else if (isPlaying() && state != State.PAUSED && state != State.CONFIRM_MENU) {
      interject(Prompts.help(where, vocabulary.whatYouCanSay(Context.PRACTICE)));
    } else {
      pausedAt = state == State.PAUSED ? clock.instant() : pausedAt;
      say(Prompts.help(where, vocabulary.whatYouCanSay(context())), this::carryOn);
    }
  }

  // ---- Starting and choosing

  private void start() {
    switch (state) {
      case IDLE -> {
        beginSession();
        greet();
      }
      case MENU, OFFER -> defaultPractice().ifPresent(this::choose);
      default -> { }
    }
  }

  private void beginSession() {
    log = new SessionLog(clock);
    ZoneId zone = ZoneId.systemDefault();
    stage.quiet(settings.quietHours().contains(LocalTime.now(clock.withZone(zone))));
    stage.light(Stage.Light.SESSION);
    note("session started");
  }

  private void greet() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
    if (welcome != null && !today.equals(lastWelcome)) {
      lastWelcome = today;
      play(welcome, State.WELCOME);
    } else {
      state = State.MENU;
      say(Prompts.GREETING, () -> enterMenu(false));
    }
  }

  private void enterMenu(boolean gentleOnly) {
    menuGentle = gentleOnly;
    List<Practice> items = (gentleOnly ? offering.gentle() : offering.practices()).stream()
        .filter(p -> !gentleOnly || !p.equals(groundedFrom)).toList();
    if (items.isEmpty()) {
      close(Prompts.NOTHING_TO_OFFER);
      return;
    }
    state = State.MENU;
    menu = new SpokenList<>(items, items.stream().map(Prompts::item).toList(), Duration.ZERO, settings.itemGap(),
        settings.menuWait());
    say(gentleOnly ? Prompts.GENTLE_MENU : Prompts.MENU, this::nextItem);
  }

  private Optional<Practice> defaultPractice() {
    List<Practice> items = menu == null ? offering.practices()
        : IntStream.range(0, menu.size()).mapToObj(menu::get).toList();
    return items.stream().filter(p -> p.id().equals(settings.offer().defaultPractice())).findFirst()
        .or(() -> items.stream().findFirst());
  }

  private void named(String spokenName) {
    if (state != State.MENU && state != State.OFFER && state != State.LANDING && state != State.REST) {
      return;
    }
    String name = spokenName.toLowerCase(Locale.ROOT).strip();
    List<Practice> choices = state == State.MENU || state == State.OFFER ? menuItems()
        : offering.gentle().stream().filter(p -> !p.equals(groundedFrom)).toList();
    choices.stream().filter(p -> p.spokenName().toLowerCase(Locale.ROOT).equals(name)).findFirst()
        .ifPresent(this::choose);
  }

  private List<Practice> menuItems() {
    return menu == null ? offering.practices() : IntStream.range(0, menu.size()).mapToObj(menu::get).toList();
  }

  /** A practice was chosen: the check-in before it (once a session), then the orientation and the practice. */
  private void choose(Practice practice) {
    chosen = practice;
    note("chosen: " + practice.id() + " (" + practice.intensity().name().toLowerCase(Locale.ROOT) + ")");
    if (settings.checkIn() && !askedBefore) {
      askedBefore = true;
      askCalm(true, Prompts.chosen(practice) + " ");
    } else {
      orient(Prompts.chosen(practice) + " ");
    }
  }

  private void orient(String before) {
    state = State.ORIENTATION;
    Practice p = chosen;
    say(before + Prompts.orientation(p, settings.safety().spokenHelpLine()), () -> play(p, State.PRACTICE));
  }

  // ---- Check-in

  private void askCalm(boolean beforePractice, String before) {
    state = State.CHECK_IN;
    checkInBefore = beforePractice;
    List<Integer> numbers = IntStream.rangeClosed(0, 10).boxed().toList();
    count = new SpokenList<>(numbers, numbers.stream().map(Prompts::count).toList(),
        voice ? settings.answerWait() : Duration.ZERO, COUNT_GAP, settings.answerWait());
    digits.clear();
    say(before + Prompts.CHECK_IN, null);
  }

  private void number(int n) {
    if (state == State.CHECK_IN) {
      answered(OptionalInt.of(n));
    }
  }

  private void answered(OptionalInt calm) {
    digits.clear();
    calm.ifPresent(n -> {
      if (checkInBefore) {
        log.calmBefore(n);
      } else {
        log.calmAfter(n);
      }
    });
    String confirm = calm.isPresent() ? Prompts.confirm(calm.getAsInt()) + " " : "";
    if (calm.isPresent() && calm.getAsInt() <= settings.safety().lowRating()) {
      state = State.LOW_RATING;
      lowBefore = checkInBefore;
      say(confirm + Prompts.lowRating(settings.safety().spokenHelpLine(), checkInBefore), null);
    } else if (checkInBefore) {
      orient(confirm);
    } else {
      close(confirm + Prompts.CLOSING);
    }
  }

  // ---- Practices

  private void play(Practice practice, State as) {
    hush();
    int token = ++playToken;
    playing = practice;
    playingAs = as;
    state = as;
    quietSince = null;
    stage.light(Stage.Light.SESSION);
    note("playing " + practice.id() + " (" + practice.intensity().name().toLowerCase(Locale.ROOT) + ", "
        + practice.target().toMinutes() + " min)");
    stage.play(practice, ended -> ended(token, ended));
  }

  private boolean isPlaying() {
    return playing != null;
  }

  /** Asks the stage to end the practice as {@code outcome}; {@code then} runs when it has ended. */
  private void stopPlaying(Outcome outcome, Runnable then, State meanwhile) {
    hush();
    whenStopped = then;
    stopAskedAt = clock.instant();
    state = meanwhile;
    quietSince = null;
    note("stopping " + playing.id() + " (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
    stage.stopPractice(outcome);
  }

  private synchronized void ended(int token, Stage.Ended ended) {
    if (token != playToken) {
      return;
    }
    State as = playingAs;
    if (log != null) {
      log.practice(ended);
    }
    note(playing.id() + " ended: " + ended.done().outcome().name().toLowerCase(Locale.ROOT)
        + ended.problem().map(p -> " (" + p + ")").orElse(""));
    if (whenStopped != null) {
      stopped();
      return;
    }
    playing = null;
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

  private void stopped() {
    Runnable then = whenStopped;
    whenStopped = null;
    playing = null;
    then.run();
  }

  private void pauseOrResume(Command c) {
    if (state == State.CONFIRM_MENU && c != Command.PAUSE) {
      no();
      return;
    }
    boolean paused = state == State.PAUSED;
    if (!isPlaying() || state == State.CONFIRM_MENU || c == Command.PAUSE && paused || c == Command.RESUME
        && !paused) {
      return;
    }
    if (paused) {
      resumePlaying();
    } else {
      stage.pause();
      pausedFrom = state;
      pausedAt = clock.instant();
      state = State.PAUSED;
      note("paused; it ends by itself after " + settings.pauseTimeout().toSeconds() + " s");
    }
  }

  private void resumePlaying() {
    hush();
    stage.resume();
    state = playingAs;
    pausedAt = null;
    note("resumed");
  }

  private void adjust(Command c) {
    if (isPlaying() && state != State.CONFIRM_MENU) {
      stage.adjust(c);
    }
  }

  private void interject(String text) {
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.SAYS, text));
    stage.interject(text);
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
      case MENU -> enterMenu(gentleOnlyMenu());
      case CHECK_IN -> askCalm(checkInBefore, "");
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
      case MENU -> nextItem();
      case LANDING -> nextLandingItem();
      case CHECK_IN -> answered(OptionalInt.empty());
      case OFFER, LOW_RATING, CONFIRM_MENU -> no();
      case ORIENTATION -> play(chosen, State.PRACTICE);
      case CLOSING -> {
        hush();
        endSession();
      }
      default -> { }
    }
  }

  private void menuAsked() {
    switch (state) {
      case PRACTICE, PAUSED -> {
        if (playingAs == State.PRACTICE) {
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
      case MENU, OFFER, CHECK_IN, ORIENTATION, LOW_RATING -> enterMenu(gentleOnlyMenu());
      default -> { }
    }
  }

  private void toMenuFromPlaying() {
    boolean gentle = state == State.GROUNDING || playingAs == State.GROUNDING;
    if (isPlaying()) {
      stopPlaying(Outcome.STOPPED_EARLY, () -> enterMenu(gentle), State.MENU);
    } else {
      enterMenu(gentle);
    }
  }

  private boolean gentleOnlyMenu() {
    return menuGentle;
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
        if (lowBefore) {
          orient("");
        } else {
          close(Prompts.CLOSING);
        }
      }
      case CONFIRM_MENU -> {
        if (confirmFrom == State.PRACTICE) {
          resumePlaying();
        } else {
          hush();
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
    List<Landing> items = offering.gentle().stream().anyMatch(p -> !p.equals(groundedFrom))
        ? List.of(Landing.values()) : List.of(Landing.AGAIN, Landing.REST, Landing.FINISH);
    landing = new SpokenList<>(items, items.stream().map(KioskFlow::landingText).toList(), Duration.ZERO,
        settings.itemGap(), settings.menuWait());
    say(Prompts.landing(settings.safety().spokenHelpLine()), this::nextLandingItem);
  }

  private static String landingText(Landing l) {
    return switch (l) {
      case AGAIN -> Prompts.LANDING_AGAIN;
      case REST -> Prompts.LANDING_REST;
      case GENTLE -> Prompts.LANDING_GENTLE;
      case FINISH -> Prompts.LANDING_FINISH;
    };
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

  /** What one short press means now: start, choose the item just heard, yes, back to the choices, or stop. */
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
      case MENU -> menu.chosenAt(now).ifPresentOrElse(this::choose, this::nextItem);
      case LANDING -> landing.chosenAt(now).ifPresentOrElse(this::landed, this::nextLandingItem);
      case CHECK_IN -> count.chosenAt(now).ifPresentOrElse(n -> answered(OptionalInt.of(n)), this::nextCount);
      case OFFER, LOW_RATING, CONFIRM_MENU -> yes();
      case REST -> enterLanding();
      default -> { }
    }
  }

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
    int max = switch (state) {
      case CHECK_IN -> 10;
      case MENU, OFFER -> menuItems().size();
      case LANDING -> landing.size();
      default -> -1;
    };
    if (max >= 0) {
      digits.digit(d, clock.instant(), max).ifPresent(this::digitComplete);
    }
  }

  private void digitComplete(int n) {
    switch (state) {
      case CHECK_IN -> answered(OptionalInt.of(n));
      case MENU, OFFER -> {
        if (n >= 1 && n <= menuItems().size()) {
          choose(menuItems().get(n - 1));
        }
      }
      case LANDING -> {
        if (n >= 1 && n <= landing.size()) {
          landed(landing.get(n - 1));
        }
      }
      default -> { }
    }
  }

  private void nextItem() {
    if (state != State.MENU) {
      return;
    }
    if (menu.isLast()) {
      state = State.OFFER;
      defaultPractice().ifPresent(p -> say(Prompts.offer(p), null));
      return;
    }
    readItem(menu, menu.index() + 1, "key " + (menu.index() + 2));
  }

  private void nextLandingItem() {
    if (state != State.LANDING) {
      return;
    }
    if (landing.isLast()) {
      rest();
      return;
    }
    readItem(landing, landing.index() + 1, "key " + (landing.index() + 2));
  }

  private void nextCount() {
    if (state != State.CHECK_IN) {
      return;
    }
    if (count.isLast()) {
      answered(OptionalInt.empty());
      return;
    }
    readItem(count, count.index() + 1, "key " + (count.index() + 1));
  }

  private void readItem(SpokenList<?> list, int i, String key) {
    list.reading(i, clock.instant());
    note("choice " + (i + 1) + " of " + list.size() + " (" + key + ")");
    say(list.text(i), null);
  }

  /** Silence has lasted {@code quiet} in a waiting state: move on as that state does. */
  private void waited(Duration quiet) {
    switch (state) {
      case MENU -> after(quiet, menu.gapAfterCurrent(), this::nextItem);
      case LANDING -> after(quiet, landing.gapAfterCurrent(), this::nextLandingItem);
      case CHECK_IN -> after(quiet, count.gapAfterCurrent(), this::nextCount);
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
      case MENU -> {
        if (menu.index() < 0) {
          enterMenu(gentleOnlyMenu());
        } else {
          readItem(menu, menu.index(), "key " + (menu.index() + 1));
        }
      }
      case LANDING -> {
        if (landing.index() < 0) {
          enterLanding();
        } else {
          readItem(landing, landing.index(), "key " + (landing.index() + 1));
        }
      }
      case CHECK_IN -> askCalm(checkInBefore, "");
      case OFFER -> defaultPractice().ifPresent(p -> say(Prompts.offer(p), null));
      case LOW_RATING -> say(Prompts.lowRating(settings.safety().spokenHelpLine(), lowBefore), null);
      case CONFIRM_MENU -> say(Prompts.CONFIRM_MENU, null);
      case ORIENTATION -> orient("");
      case CLOSING -> endSession();
      default -> { }
    }
  }

  // ---- Speech, closing and the end of a session

  /** Speaks {@code text}; {@code then} (if any) runs when it has been said, else the state waits from then on. */
  private void say(String text, Runnable then) {
    int token = ++speechToken;
    speaking = true;
    afterSpeech = then;
    speakingSince = clock.instant();
    quietSince = null;
    stage.light(switch (state) {
      case MENU, OFFER, CHECK_IN, LOW_RATING, CONFIRM_MENU, LANDING -> Stage.Light.LISTENING;
      default -> Stage.Light.SESSION;
    });
    stage.subtitle(new Subtitle(clock.instant(), Subtitle.Kind.SAYS, text));
    stage.say(text, () -> said(token));
  }

  private synchronized void said(int token) {
    if (token != speechToken || !speaking) {
      return;
    }
    speaking = false;
    quietSince = clock.instant();
    Runnable then = afterSpeech;
    afterSpeech = null;
    if (then != null) {
      then.run();
    } else if (state == State.IDLE) {
      stage.light(Stage.Light.IDLE);
    }
  }

  private void hush() {
    if (speaking) {
      speaking = false;
      afterSpeech = null;
      speechToken++;
      stage.hush();
    }
  }

  /** Says a closing sentence, then ends the session. */
  private void close(String text) {
    hush();
    state = State.CLOSING;
    say(text, this::endSession);
  }

  private void endIfSoundLostTooLong(Instant now) {
    if (state != State.IDLE && !isPlaying() && !now.isBefore(soundLostAt.plus(settings.pauseTimeout()))) {
      note("no sound for " + settings.pauseTimeout().toSeconds() + " s: ending the session");
      hush();
      endSession();
    }
  }

  /** Forgets the session first, then journals it: a journal that fails cannot leave the flow half-reset. */
  private void endSession() {
    SessionLog ending = log;
    log = null;
    state = State.IDLE;
    playing = null;
    whenStopped = null;
    menu = null;
    count = null;
    landing = null;
    chosen = null;
    groundedFrom = null;
    askedBefore = false;
    quietSince = null;
    pausedAt = null;
    digits.clear();
    stage.quiet(false);
    stage.light(Stage.Light.IDLE);
    if (ending != null) {
      note("session ended and journalled");
      journal.accept(ending.record(clock));
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

  private static String printable(char key) {
    return key == ' ' ? "space" : String.valueOf(key);
  }
}
