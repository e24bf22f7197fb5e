package org.cmtkiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cmtkiosk.journal.SessionRecord.Outcome;
import org.cmtkiosk.listen.ButtonGestures.Gesture;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.session.KioskFlow.State;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every state × every input, on simulated time with a recording stage, driving the real {@link KioskFlow}: each
 * voice phrase and variant (through the real vocabulary, in the flow's current context), each button gesture, each
 * key, each timeout, and sound lost and back. {@link #TABLE} lists what each input group does in each moment;
 * anything not listed must change nothing: same state, nothing said, played, stopped or controlled.
 */
class StateInputTableTest {
  /** The moments a person can be in, each reached from a fresh kiosk through real inputs. */
  static final Map<String, Consumer<KioskFixture>> MOMENTS = new LinkedHashMap<>();
  /** The input groups: what the test itself says each phrase, key and gesture should mean. */
  static final Map<String, List<Input>> GROUPS = new LinkedHashMap<>();

  record Input(String name, Consumer<KioskFixture> act) {}

  static {
    MOMENTS.put("IDLE", k -> { });
    MOMENTS.put("WELCOME", k -> k.flow.command(Command.START));
    MOMENTS.put("MENU", KioskFixture::toMenu);
    MOMENTS.put("OFFER", k -> {
      k.toMenu();
      k.until(s -> s.startsWith("Would you like to try"));
    });
    MOMENTS.put("CHECK_IN", k -> {
      k.toMenu();
      k.flow.key('1');
      k.until("Four.");
    });
    MOMENTS.put("ORIENTATION", k -> {
      k.toMenu();
      k.flow.key('1');
      k.until(s -> s.contains(Prompts.CHECK_IN));
      k.say("five");
    });
    MOMENTS.put("PRACTICE", k -> k.toPractice('1'));
    MOMENTS.put("PRACTICE_EVOCATIVE", k -> k.toPractice('2'));
    MOMENTS.put("PAUSED", k -> {
      k.toPractice('1');
      k.flow.key(' ');
    });
    MOMENTS.put("PAUSED_EVOCATIVE", k -> {
      k.toPractice('2');
      k.flow.key(' ');
    });
    MOMENTS.put("CONFIRM_MENU", k -> {
      k.toPractice('1');
      k.flow.key('m');
      k.stage.finishSaying();
    });
    MOMENTS.put("GROUNDING", k -> {
      k.toPractice('2');
      k.say("too much");
      k.stage.finishPractice();
    });
    MOMENTS.put("LANDING", k -> {
      MOMENTS.get("GROUNDING").accept(k);
      k.stage.finishPractice();
      k.until(Prompts.LANDING_AGAIN);
    });
    MOMENTS.put("REST", k -> {
      MOMENTS.get("LANDING").accept(k);
      k.say("rest");
      k.stage.finishSaying();
    });
    MOMENTS.put("LOW_RATING", k -> {
      k.toPractice('1');
      k.practiceCompletes();
      k.say("two");
      k.stage.finishSaying();
    });
    MOMENTS.put("CLOSING", k -> {
      k.toPractice('1');
      k.practiceCompletes();
      k.say("eight");
    });
    MOMENTS.put("PRACTICE_COMMAND", k -> practiceCommand(k, "soothing-rhythm-breathing"));
    MOMENTS.put("PRACTICE_COMMAND_EVOCATIVE", k -> practiceCommand(k, "safe-place"));

    voice("v.stop", "stop", "please stop", "i want to stop", "end", "finish", "oh please stop now", "[unk] stop [unk]");
    voice("v.ground", "too much", "it's too much", "that's enough", "help me", "grounding", "ground me",
        "[unk] it's too much", "i think that's enough now");
    voice("v.help", "help", "what can i say", "[unk] help");
    voice("v.start", "start", "begin");
    voice("v.pause", "pause", "wait");
    voice("v.resume", "resume", "continue", "go on");
    voice("v.adjust", "slower", "faster", "louder", "quieter", "softer", "tone");
    voice("v.repeat", "repeat", "again");
    voice("v.skip", "skip", "next");
    voice("v.menu", "menu");
    voice("v.yes", "yes");
    voice("v.no", "no");
    voice("v.rest", "rest", "rest in silence");
    voice("v.gentle", "something gentle", "gentle");
    voice("v.thatone", "that one");
    voice("v.gentlename", "body scan");
    voice("v.evocativename", "safe place");
    voice("v.low", "two");
    voice("v.high", "eight");
    voice("v.nonsense", "banana", "[unk]");
    keys("k.stop", 's', 'q');
    keys("k.ground", 'g');
    keys("k.help", 'h', '?');
    keys("k.toggle", ' ', 'p');
    keys("k.adjust", ',', '<', '.', '>', '+', '=', '-', 't');
    keys("k.repeat", 'r');
    keys("k.skip", 'n');
    keys("k.menu", 'm');
    keys("k.yes", 'y');
    keys("k.enter", '\r', '\n');
    keys("k.button", 'b');
    keys("k.0", '0');
    keys("k.1", '1');
    keys("k.2", '2');
    keys("k.3", '3');
    keys("k.4", '4');
    keys("k.5-9", '5', '6', '7', '8', '9');
    GROUPS.put("b.short", List.of(new Input("one short press", k -> k.flow.button(Gesture.SHORT))));
    GROUPS.put("b.double", List.of(new Input("a double press", k -> k.flow.button(Gesture.DOUBLE))));
    GROUPS.put("b.long", List.of(new Input("a long hold", k -> k.flow.button(Gesture.LONG))));
    GROUPS.put("t.30s", List.of(new Input("30 s of silence", k -> k.pass(Duration.ofSeconds(30)))));
    GROUPS.put("t.3min", List.of(new Input("3 min of silence", k -> k.pass(Duration.ofMinutes(3)))));
    GROUPS.put("s.lost30s", List.of(new Input("sound lost for 30 s", k -> {
      k.flow.soundLost();
      k.pass(Duration.ofSeconds(30));
    })));
    GROUPS.put("s.lost3min", List.of(new Input("sound lost for 3 min", k -> {
      k.flow.soundLost();
      k.pass(Duration.ofMinutes(3));
    })));
    GROUPS.put("s.back", List.of(new Input("sound lost for 10 s, then back", k -> {
      k.flow.soundLost();
      k.pass(Duration.ofSeconds(10));
      k.flow.soundBack();
    })));
    GROUPS.put("p.ends", List.of(new Input("the practice plays to its end", k -> k.stage.finishPractice())));
    GROUPS.put("p.fails", List.of(new Input("the practice fails", k -> k.stage.failPractice("sound gone"))));
  }

  private static void practiceCommand(KioskFixture k, String id) {
    assertTrue(k.flow.startPractice(KioskFixture.practice(id)));
    k.until(s -> s.contains(Prompts.CHECK_IN));
    k.say("five");
    k.stage.finishSaying();
    assertEquals(State.PRACTICE, k.flow.state());
  }

  private static void voice(String group, String... phrases) {
    GROUPS.put(group, Stream.of(phrases).map(p -> new Input("voice \"" + p + "\"", k -> k.say(p))).toList());
  }

  private static void keys(String group, char... keys) {
    List<Input> inputs = new ArrayList<>();
    for (char c : keys) {
      inputs.add(new Input("key '" + (c == '\r' ? "\\r" : c == '\n' ? "\\n" : String.valueOf(c)) + "'",
          k -> k.flow.key(c)));
    }
    GROUPS.put(group, inputs);
  }

  /**
   * moment: input groups -> next state, then what must have happened: says/interjects a prompt (see {@link #SAYS}),
   * plays a practice, stops the one playing as an outcome, or applies a live control ("*" = any).
   */
  static final String TABLE = """
      IDLE: v.ground k.ground b.long -> GROUNDING plays grounding
      IDLE: v.help k.help -> IDLE says HELP_IDLE
      IDLE: v.start k.enter k.button b.short b.double -> WELCOME plays welcome

      WELCOME: v.stop k.stop k.button b.short -> CLOSING stops stopped_early says CALM_CLOSE
      WELCOME: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      WELCOME: v.help k.help -> WELCOME interjects HELP
      WELCOME: v.pause k.toggle b.double -> PAUSED control pause
      WELCOME: v.adjust k.adjust -> WELCOME control *
      WELCOME: v.repeat k.repeat -> WELCOME control repeat_sentence
      WELCOME: v.skip k.skip -> WELCOME control skip_section
      WELCOME: v.menu k.menu -> MENU stops stopped_early says MENU
      WELCOME: p.ends p.fails -> MENU says AFTER_WELCOME

      MENU: v.stop k.stop -> CLOSING says CALM_CLOSE
      MENU: v.ground k.ground b.long -> GROUNDING plays grounding
      MENU: v.help k.help -> MENU says HELP
      MENU: v.start v.yes k.yes v.thatone k.enter k.button b.short b.double k.1 -> CHECK_IN says CHOSE_BREATHING
      MENU: v.repeat k.repeat k.menu -> MENU says MENU
      MENU: v.skip k.skip t.30s t.3min -> MENU says ITEM_SAFE_PLACE
      MENU: v.evocativename k.2 -> CHECK_IN says CHOSE_SAFE_PLACE
      MENU: v.gentlename k.3 -> CHECK_IN says CHOSE_BODY_SCAN
      MENU: s.lost3min -> IDLE
      MENU: s.back -> MENU says ITEM_BREATHING

      OFFER: v.stop k.stop -> CLOSING says CALM_CLOSE
      OFFER: v.ground k.ground b.long -> GROUNDING plays grounding
      OFFER: v.help k.help -> OFFER says HELP
      OFFER: v.start v.yes k.yes v.thatone k.enter k.button b.short b.double k.1 -> CHECK_IN says CHOSE_BREATHING
      OFFER: v.no v.skip k.skip -> CLOSING says GOODBYE
      OFFER: t.3min -> IDLE says GOODBYE
      OFFER: v.repeat k.repeat s.back -> OFFER says OFFER
      OFFER: k.menu -> MENU says MENU
      OFFER: v.evocativename k.2 -> CHECK_IN says CHOSE_SAFE_PLACE
      OFFER: v.gentlename k.3 -> CHECK_IN says CHOSE_BODY_SCAN
      OFFER: s.lost3min -> IDLE

      CHECK_IN: v.stop k.stop -> CLOSING says CALM_CLOSE
      CHECK_IN: v.ground k.ground b.long -> GROUNDING plays grounding
      CHECK_IN: v.help k.help -> CHECK_IN says HELP
      CHECK_IN: v.repeat k.repeat s.back -> CHECK_IN says CHECK_IN
      CHECK_IN: v.skip k.skip -> ORIENTATION says ORIENT
      CHECK_IN: v.thatone k.enter k.button b.short b.double k.4 -> ORIENTATION says FOUR
      CHECK_IN: v.high -> ORIENTATION says EIGHT
      CHECK_IN: v.low k.2 -> LOW_RATING says LOW_TWO
      CHECK_IN: k.0 -> LOW_RATING says LOW_ZERO
      CHECK_IN: k.3 -> LOW_RATING says LOW_THREE
      CHECK_IN: k.5-9 -> ORIENTATION says THANKS
      CHECK_IN: k.menu -> MENU says MENU
      CHECK_IN: t.30s t.3min -> CHECK_IN says FIVE
      CHECK_IN: s.lost3min -> IDLE

      ORIENTATION: v.stop k.stop k.button b.short b.double -> CLOSING says CALM_CLOSE
      ORIENTATION: v.ground k.ground b.long -> GROUNDING plays grounding
      ORIENTATION: v.help k.help -> ORIENTATION says HELP
      ORIENTATION: v.repeat k.repeat -> ORIENTATION says ORIENT
      ORIENTATION: v.skip k.skip t.3min -> PRACTICE plays soothing-rhythm-breathing
      ORIENTATION: v.menu k.menu -> MENU says MENU
      ORIENTATION: s.lost3min -> IDLE

      PRACTICE: v.stop k.stop k.button b.short -> CLOSING stops stopped_early says CALM_CLOSE
      PRACTICE: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      PRACTICE: v.help k.help -> PRACTICE interjects HELP
      PRACTICE: v.pause k.toggle b.double -> PAUSED control pause
      PRACTICE: v.adjust k.adjust -> PRACTICE control *
      PRACTICE: v.repeat k.repeat -> PRACTICE control repeat_sentence
      PRACTICE: v.skip k.skip -> PRACTICE control skip_section
      PRACTICE: v.menu k.menu -> CONFIRM_MENU control pause says CONFIRM_MENU
      PRACTICE: p.ends -> CHECK_IN says CHECK_IN
      PRACTICE: p.fails -> CLOSING says SORRY

      PRACTICE_EVOCATIVE: v.stop k.stop k.button b.short
          -> GROUNDING stops ended_early_grounding_offered plays grounding
      PRACTICE_EVOCATIVE: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      PRACTICE_EVOCATIVE: v.help k.help -> PRACTICE interjects HELP
      PRACTICE_EVOCATIVE: v.pause k.toggle b.double -> PAUSED control pause
      PRACTICE_EVOCATIVE: v.adjust k.adjust -> PRACTICE control *
      PRACTICE_EVOCATIVE: v.repeat k.repeat -> PRACTICE control repeat_sentence
      PRACTICE_EVOCATIVE: v.skip k.skip -> PRACTICE control skip_section
      PRACTICE_EVOCATIVE: v.menu k.menu -> CONFIRM_MENU control pause says CONFIRM_MENU
      PRACTICE_EVOCATIVE: p.ends -> CHECK_IN says CHECK_IN
      PRACTICE_EVOCATIVE: p.fails -> CLOSING says SORRY

      PAUSED: v.stop k.stop k.button b.short -> CLOSING stops stopped_early says CALM_CLOSE
      PAUSED: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      PAUSED: v.help k.help -> PAUSED says HELP
      PAUSED: v.resume k.toggle b.double -> PRACTICE control resume
      PAUSED: v.adjust k.adjust -> PAUSED control *
      PAUSED: v.repeat k.repeat -> PRACTICE control resume
      PAUSED: v.skip k.skip -> PRACTICE control resume
      PAUSED: v.menu k.menu -> CONFIRM_MENU says CONFIRM_MENU
      PAUSED: t.3min -> CLOSING stops ended_while_paused says PAUSE_CLOSE

      PAUSED_EVOCATIVE: v.stop k.stop k.button b.short -> GROUNDING stops ended_early_grounding_offered plays grounding
      PAUSED_EVOCATIVE: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      PAUSED_EVOCATIVE: v.help k.help -> PAUSED says HELP
      PAUSED_EVOCATIVE: v.resume k.toggle b.double -> PRACTICE control resume
      PAUSED_EVOCATIVE: v.adjust k.adjust -> PAUSED control *
      PAUSED_EVOCATIVE: v.repeat k.repeat -> PRACTICE control resume
      PAUSED_EVOCATIVE: v.skip k.skip -> PRACTICE control resume
      PAUSED_EVOCATIVE: v.menu k.menu -> CONFIRM_MENU says CONFIRM_MENU
      PAUSED_EVOCATIVE: t.3min -> CLOSING stops ended_while_paused says PAUSE_CLOSE

      CONFIRM_MENU: v.stop k.stop -> CLOSING stops stopped_early says CALM_CLOSE
      CONFIRM_MENU: v.ground k.ground b.long -> GROUNDING stops ended_early_grounding_offered plays grounding
      CONFIRM_MENU: v.help k.help -> CONFIRM_MENU says HELP
      CONFIRM_MENU: v.yes k.yes k.enter k.button b.short -> MENU stops stopped_early says MENU
      CONFIRM_MENU: v.no k.skip k.toggle b.double t.30s t.3min -> PRACTICE control resume
      CONFIRM_MENU: v.repeat k.repeat s.back -> CONFIRM_MENU says CONFIRM_MENU

      GROUNDING: v.stop k.stop k.button b.short -> LANDING stops stopped_early says LANDING
      GROUNDING: v.help k.help -> GROUNDING interjects HELP
      GROUNDING: v.pause k.toggle b.double -> PAUSED control pause
      GROUNDING: v.adjust k.adjust -> GROUNDING control *
      GROUNDING: v.repeat k.repeat -> GROUNDING control repeat_sentence
      GROUNDING: v.skip k.skip -> GROUNDING control skip_section
      GROUNDING: v.menu k.menu -> MENU stops stopped_early says GENTLE_MENU
      GROUNDING: p.ends p.fails -> LANDING says LANDING

      LANDING: v.stop k.stop k.4 -> CLOSING says CALM_CLOSE
      LANDING: v.ground k.ground b.long v.repeat k.repeat v.thatone k.enter k.button b.short b.double k.1
          -> GROUNDING plays grounding
      LANDING: v.help k.help -> LANDING says HELP
      LANDING: v.rest k.2 -> REST says REST
      LANDING: v.gentle k.3 k.menu -> MENU says GENTLE_MENU
      LANDING: k.skip t.30s t.3min -> LANDING says LANDING_REST
      LANDING: s.back -> LANDING says LANDING_AGAIN
      LANDING: s.lost3min -> IDLE

      REST: v.stop k.stop -> CLOSING says CALM_CLOSE
      REST: v.ground k.ground b.long v.repeat k.repeat -> GROUNDING plays grounding
      REST: v.help k.help -> REST says HELP
      REST: v.gentle k.menu -> MENU says GENTLE_MENU
      REST: v.thatone k.enter k.button b.short b.double -> LANDING says LANDING
      REST: t.3min -> CLOSING says REST_CLOSE
      REST: s.lost3min -> IDLE

      LOW_RATING: v.stop k.stop -> CLOSING says CALM_CLOSE
      LOW_RATING: v.ground k.ground b.long v.yes k.yes k.enter k.button b.short b.double -> GROUNDING plays grounding
      LOW_RATING: v.help k.help -> LOW_RATING says HELP
      LOW_RATING: v.no k.skip t.30s -> CLOSING says CLOSING
      LOW_RATING: t.3min -> IDLE says CLOSING
      LOW_RATING: v.repeat k.repeat s.back -> LOW_RATING says LOW
      LOW_RATING: k.menu -> MENU says MENU
      LOW_RATING: s.lost3min -> IDLE

      CLOSING: v.stop k.stop k.button b.short b.double v.skip k.skip t.3min s.lost3min -> IDLE
      CLOSING: v.ground k.ground b.long -> GROUNDING plays grounding
      CLOSING: v.help k.help -> CLOSING says HELP
      """;

  /** The practice command's moments behave exactly as the kiosk's. */
  static final Map<String, String> SAME_AS = Map.of("PRACTICE_COMMAND", "PRACTICE",
      "PRACTICE_COMMAND_EVOCATIVE", "PRACTICE_EVOCATIVE");

  /** What a "says" or "interjects" token means. */
  static final Map<String, Predicate<String>> SAYS = says();

  private static Map<String, Predicate<String>> says() {
    String help = Prompts.helpLine(KioskFixture.HELP_LINE);
    Map<String, Predicate<String>> m = new LinkedHashMap<>();
    m.put("HELP", s -> s.startsWith(help) && s.contains(Prompts.NOT_THERAPY) && s.contains(Prompts.BUTTON));
    m.put("HELP_IDLE", s -> s.startsWith(help) && s.endsWith("To begin, say start, or press the button once."));
    m.put("CALM_CLOSE", Prompts.CALM_CLOSE::equals);
    m.put("CLOSING", Prompts.CLOSING::equals);
    m.put("GOODBYE", Prompts.GOODBYE::equals);
    m.put("SORRY", Prompts.SORRY::equals);
    m.put("REST", Prompts.REST::equals);
    m.put("REST_CLOSE", Prompts.REST_CLOSE::equals);
    m.put("PAUSE_CLOSE", Prompts.PAUSE_CLOSE::equals);
    m.put("CONFIRM_MENU", Prompts.CONFIRM_MENU::equals);
    m.put("MENU", Prompts.MENU::equals);
    m.put("GENTLE_MENU", Prompts.GENTLE_MENU::equals);
    m.put("AFTER_WELCOME", s -> s.startsWith(help) && s.endsWith(Prompts.PRIVACY));
    m.put("ITEM_BREATHING", "Breathing, about 8 minutes."::equals);
    m.put("ITEM_SAFE_PLACE", "Safe place, about 8 minutes."::equals);
    m.put("OFFER", "Would you like to try breathing? Say yes, or press the button once."::equals);
    m.put("CHECK_IN", s -> s.endsWith(Prompts.CHECK_IN));
    m.put("CHOSE_BREATHING", ("You chose breathing. " + Prompts.CHECK_IN)::equals);
    m.put("CHOSE_SAFE_PLACE", ("You chose safe place. " + Prompts.CHECK_IN)::equals);
    m.put("CHOSE_BODY_SCAN", ("You chose body scan. " + Prompts.CHECK_IN)::equals);
    m.put("ORIENT", s -> s.startsWith("Before we begin: you can stop at any time. Just say stop, or press the "
        + "button once.") && s.endsWith(help));
    m.put("FOUR", s -> s.startsWith("Four. Thank you. Before we begin"));
    m.put("EIGHT", s -> s.startsWith("Eight. Thank you. Before we begin"));
    m.put("THANKS", s -> s.matches("(Five|Six|Seven|Eight|Nine)\\. Thank you\\. Before we begin.*"));
    m.put("FIVE", "Five."::equals);
    m.put("LOW", s -> s.contains("It sounds like things are hard right now. " + help));
    m.put("LOW_ZERO", s -> s.startsWith("Zero. Thank you. Thank you for telling me.") && s.contains(help));
    m.put("LOW_TWO", s -> s.startsWith("Two. Thank you. Thank you for telling me.") && s.contains(help));
    m.put("LOW_THREE", s -> s.startsWith("Three. Thank you. Thank you for telling me.") && s.contains(help));
    m.put("LANDING", s -> s.startsWith("Thank you for taking that time. " + help));
    m.put("LANDING_AGAIN", Prompts.LANDING_AGAIN::equals);
    m.put("LANDING_REST", Prompts.LANDING_REST::equals);
    return m;
  }

  /** One expectation: the state after the input, and what must have happened. */
  record Expect(State next, String says, String interjects, String plays, Outcome stops, String control) {
    static final Expect NOTHING = new Expect(null, null, null, null, null, null);

    boolean nothing() {
      return next == null;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyStateTimesEveryInput() {
    Map<String, Map<String, Expect>> table = parse(TABLE);
    List<DynamicTest> tests = new ArrayList<>();
    for (String moment : MOMENTS.keySet()) {
      Map<String, Expect> rows = table.getOrDefault(SAME_AS.getOrDefault(moment, moment), Map.of());
      for (var group : GROUPS.entrySet()) {
        if (group.getKey().startsWith("p.") && !playing(moment)) {
          continue;
        }
        for (Input input : group.getValue()) {
          Expect e = rows.getOrDefault(group.getKey(), Expect.NOTHING);
          tests.add(DynamicTest.dynamicTest(moment + " × " + input.name() + " (" + group.getKey() + ")",
              () -> check(moment, input, e)));
        }
      }
    }
    return tests.stream();
  }

  private static boolean playing(String moment) {
    return List.of("WELCOME", "PRACTICE", "PRACTICE_EVOCATIVE", "GROUNDING", "PRACTICE_COMMAND",
        "PRACTICE_COMMAND_EVOCATIVE").contains(moment);
  }

  private static void check(String moment, Input input, Expect e) {
    KioskFixture k = new KioskFixture(KioskFixture.SETTINGS, false);
    MOMENTS.get(moment).accept(k);
    State before = k.flow.state();
    int said = k.stage.said.size();
    int played = k.stage.played.size();
    int stops = k.stage.stops.size();
    int controls = k.stage.controls.size();
    int interjected = k.stage.interjected.size();
    int subtitles = k.stage.subtitles.size();
    input.act().accept(k);
    if (k.stage.stops.size() > stops && k.stage.isPlaying()) {
      k.stage.finishPractice();
    }
    List<String> newSaid = k.stage.said.subList(said, k.stage.said.size());
    List<String> newPlayed = k.stage.played.subList(played, k.stage.played.size());
    List<Outcome> newStops = k.stage.stops.subList(stops, k.stage.stops.size());
    List<String> newControls = k.stage.controls.subList(controls, k.stage.controls.size());
    List<String> newInterjected = k.stage.interjected.subList(interjected, k.stage.interjected.size());
    String what = " — said " + newSaid + ", played " + newPlayed + ", stops " + newStops + ", controls "
        + newControls + ", interjected " + newInterjected;
    if (input.name().startsWith("voice") || input.name().startsWith("key") || input.name().contains("press")
        || input.name().contains("hold")) {
      assertTrue(k.stage.subtitles.size() > subtitles, "every input shows as a subtitle");
    }
    if (e.nothing()) {
      assertEquals(before, k.flow.state(), "nothing should change" + what);
      assertTrue(newSaid.isEmpty() && newPlayed.isEmpty() && newStops.isEmpty() && newControls.isEmpty()
          && newInterjected.isEmpty(), "nothing should happen" + what);
      return;
    }
    assertEquals(e.next(), k.flow.state(), what);
    if (e.says() != null) {
      assertTrue(!newSaid.isEmpty() && SAYS.get(e.says()).test(newSaid.get(0)), "should say " + e.says() + what);
    }
    if (e.interjects() != null) {
      assertTrue(!newInterjected.isEmpty() && SAYS.get(e.interjects()).test(newInterjected.get(0)),
          "should interject " + e.interjects() + what);
    }
    if (e.plays() != null) {
      assertEquals(List.of(e.plays()), newPlayed, what);
    }
    if (e.stops() != null) {
      assertEquals(List.of(e.stops()), newStops, what);
    }
    if (e.control() != null) {
      List<String> real = newControls.stream().filter(c -> !c.equals("hush")).toList();
      assertTrue(e.control().equals("*") ? !real.isEmpty() : real.contains(e.control().replace('_', ' ')),
          "should apply " + e.control() + what);
    }
  }

  static Map<String, Map<String, Expect>> parse(String table) {
    Map<String, Map<String, Expect>> rows = new LinkedHashMap<>();
    for (String line : table.strip().replaceAll("\n\\s+->", " ->").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String moment = line.substring(0, line.indexOf(':')).strip();
      String[] sides = line.substring(line.indexOf(':') + 1).split("->");
      String[] right = sides[1].strip().split("\\s+");
      Map<String, String> then = new LinkedHashMap<>();
      for (int i = 1; i + 1 < right.length; i += 2) {
        then.put(right[i], right[i + 1]);
      }
      Expect e = new Expect(State.valueOf(right[0]), then.get("says"), then.get("interjects"), then.get("plays"),
          then.containsKey("stops") ? outcome(then.get("stops")) : null, then.get("control"));
      for (String group : sides[0].strip().split("\\s+")) {
        if (!GROUPS.containsKey(group)) {
          fail("unknown input group " + group + " in: " + line);
        }
        if (rows.computeIfAbsent(moment, m -> new LinkedHashMap<>()).put(group, e) != null) {
          fail(moment + " × " + group + " appears twice in the table");
        }
      }
    }
    return rows;
  }

  private static Outcome outcome(String json) {
    return Stream.of(Outcome.values()).filter(o -> jsonName(o).equals(json)).findFirst()
        .orElseThrow(() -> new AssertionError("no outcome " + json));
  }

  private static String jsonName(Outcome o) {
    try {
      return Outcome.class.getField(o.name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class)
          .value();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }
}
