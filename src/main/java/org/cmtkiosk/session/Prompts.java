package org.cmtkiosk.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cmtkiosk.listen.Context;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.practice.Intensity;
import org.cmtkiosk.practice.Practice;

/**
 * What the kiosk says between practices: warm, short and plain, never presenting itself as therapy or as a crisis
 * service. What they say about the controls matches {@code KioskFlow} exactly.
 */
public final class Prompts {
  public static final String GREETING = "Hello, and welcome. This is a quiet space to practise, at your own pace.";
  public static final String MENU = "Here are the practices you can choose from. Say the name of one, or press the "
      + "button once when you hear the one you want.";
  public static final String GENTLE_MENU = "Here are some gentle practices. Say the name of one, or press the button "
      + "once when you hear the one you want.";
  public static final String NOTHING_TO_OFFER = "I am sorry, there are no practices to choose from just now.";
  public static final String GOODBYE = "That is fine. Goodbye for now. Whenever you would like to practise, say "
      + "start, or press the button.";
  public static final String CHECK_IN = "On a scale from zero to ten, how calm do you feel right now? Say a number. "
      + "Or wait, and I will count slowly: press the button when you hear yours.";
  public static final String CLOSING = "Thank you for taking this time for yourself. Whenever you want to practise "
      + "again, I will be here.";
  public static final String CALM_CLOSE = "All right, we will stop here. Take a moment before you get up. Thank you "
      + "for taking this time for yourself.";
  public static final String PAUSE_CLOSE = "It has been quiet for a while, so we will stop here. Thank you. Whenever "
      + "you would like to practise, say start, or press the button.";
  public static final String REST = "All right. Rest here quietly, for as long as you like. When you are ready, "
      + "press the button once.";
  public static final String REST_CLOSE = "Thank you for taking care of yourself. You are welcome to stay here as long "
      + "as you like.";
  public static final String CONFIRM_MENU = "Would you like to leave this practice and go back to the list? Say yes, "
      + "or press the button once. Say no to carry on.";
  public static final String SORRY = "I'm sorry, something went wrong on my side and the practice has stopped. "
      + "This is not your doing. You can start again whenever you like.";
  public static final String NOT_THERAPY = "This device offers practice exercises. It is not therapy, and it is not"
      + " a crisis service.";
  public static final String BUTTON = "With the button: one press stops, or chooses what you have just heard. "
      + "Holding it down brings a short grounding.";
  /**
   * Exactly what the journal keeps, said after the day's first welcome. Keep in step with {@code SessionRecord} and
   * the README's "Session journal".
   */
  public static final String PRIVACY = "About privacy: this device keeps no recordings, and nothing about who you "
      + "are. For staff reports it notes only the time, which practices were played and how they ended, how often "
      + "each control was used, any calm numbers you give, the breathing pace, and any sound problems.";
  /** Said in place of the grounding practice if its script could not be loaded: the landing never fails. */
  public static final String GROUNDING_FALLBACK = "Let us come back to the here and now, together. With your eyes "
      + "open, let them rest on something in the room. Notice whatever is supporting you right now. Listen for three "
      + "sounds around you. You are here, in this room, right now.";
  /** The landing's choices, read one at a time; a press chooses the one just heard. */
  public static final String LANDING_AGAIN = "The grounding again.";
  public static final String LANDING_REST = "Rest here in silence.";
  public static final String LANDING_GENTLE = "Something gentle.";
  public static final String LANDING_FINISH = "Finish for now.";

  private Prompts() {}

  /** Where help is, as a sentence: the site's {@code safety.help_line}. */
  public static String helpLine(String where) {
    return "If you would like to talk to someone, help is available from " + where + ".";
  }

  /** After the day's first welcome: where help is, and what is kept. */
  public static String afterWelcome(String where) {
    return helpLine(where) + " " + PRIVACY;
  }

  /** Said by "help": where help is, what the device is not, what can be said, and the button. */
  public static String help(String where, String whatYouCanSay) {
    return helpLine(where) + " " + NOT_THERAPY + " " + whatYouCanSay + " " + BUTTON;
  }

  /** Help between sessions: the same, and how to begin. */
  public static String helpWhenIdle(String where, String whatYouCanSay) {
    return help(where, whatYouCanSay) + " To begin, say start, or press the button once.";
  }

  /** About 15 seconds before every practice: how to stop, and where help is. */
  public static String orientation(Practice practice, String where) {
    String stop = "Before we begin: you can stop at any time. Just say stop, or press the button once.";
    String then = practice.intensity() == Intensity.EVOCATIVE
        ? " If this starts to feel like too much, that is all you need to do, and I will guide you through a short"
            + " grounding."
        : " If you would like to settle instead, say grounding, or hold the button down.";
    return stop + then + " " + helpLine(where);
  }

  /** One practice in the spoken list, e.g. "Body scan, about 8 minutes." */
  public static String item(Practice practice) {
    long minutes = Math.max(1, Math.round(practice.target().toSeconds() / 60.0));
    return capitalised(practice.spokenName()) + ", about " + minutes + (minutes == 1 ? " minute." : " minutes.");
  }

  /** The spoken confirmation of a choice. */
  public static String chosen(Practice practice) {
    return "You chose " + practice.spokenName() + ".";
  }

  /** After a silence in the menu. */
  public static String offer(Practice practice) {
    return "Would you like to try " + practice.spokenName() + "? Say yes, or press the button once.";
  }

  /** A number in the slow count of a check-in. */
  public static String count(int n) {
    return capitalised(Numbers.word(n)) + ".";
  }

  /** The spoken confirmation of a check-in answer. */
  public static String confirm(int n) {
    return capitalised(Numbers.word(n)) + ". Thank you.";
  }

  /** After a low check-in: where help is, and a grounding offered. */
  public static String lowRating(String where, boolean beforePractice) {
    return "Thank you for telling me. It sounds like things are hard right now. " + helpLine(where)
        + (beforePractice ? " If you like, we can begin with a short grounding instead. Say yes, or press the button"
            + " once. Or say no to carry on."
            : " If you like, we can take a minute to settle together with a short grounding. Say yes, or press the"
                + " button once.");
  }

  /** After a grounding: where help is, then the choice, read out one at a time. */
  public static String landing(String where) {
    return "Thank you for taking that time. " + helpLine(where) + " What would you like now? Say again, rest, "
        + "something gentle, or finish. Or press the button once when you hear it.";
  }

  /**
   * Everything the flow can say at a site with these settings, offer and words, so {@code prepare} can synthesise
   * it ahead and no prompt waits for the speech engine.
   */
  public static List<String> all(KioskSettings settings, Offering offering, Vocabulary vocabulary) {
    String where = settings.safety().spokenHelpLine();
    List<String> all = new ArrayList<>(List.of(GREETING, MENU, GENTLE_MENU, NOTHING_TO_OFFER, GOODBYE, CHECK_IN,
        CLOSING, CALM_CLOSE, PAUSE_CLOSE, REST, REST_CLOSE, CONFIRM_MENU, SORRY, GROUNDING_FALLBACK, LANDING_AGAIN,
        LANDING_REST, LANDING_GENTLE, LANDING_FINISH, afterWelcome(where), landing(where),
        lowRating(where, true), lowRating(where, false), helpWhenIdle(where, vocabulary.whatYouCanSay(
            Context.IDLE))));
    for (Context c : Context.values()) {
      all.add(vocabulary.whatYouCanSay(c));
      all.add(help(where, vocabulary.whatYouCanSay(c)));
    }
    for (Practice p : offering.practices()) {
      all.addAll(List.of(item(p), chosen(p), offer(p), orientation(p, where)));
    }
    for (int n = 0; n <= 10; n++) {
      all.addAll(List.of(count(n), confirm(n)));
    }
    return all;
  }

  /** One choice after a grounding, as read out. */
  static String landing(KioskFlow.Landing choice) {
    return switch (choice) {
      case AGAIN -> LANDING_AGAIN;
      case REST -> LANDING_REST;
      case GENTLE -> LANDING_GENTLE;
      case FINISH -> LANDING_FINISH;
    };
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** Zero to ten as words, as they are said and heard. */
  static final class Numbers {
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten"};

    private Numbers() {}

    static String word(int n) {
      return n >= 0 && n < WORDS.length ? WORDS[n] : Integer.toString(n);
    }
  }
}
