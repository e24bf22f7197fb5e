package org.cmtkiosk.session;

import java.util.List;

/** What the kiosk says between practices. Warm, short, and never presenting itself as therapy. */
public final class Prompts {
  public static final String WELCOME_BACK = "Welcome. This is a quiet space to practise, at your own pace.";
  public static final String OFFER = "Would you like to try some slow, soothing breathing? Say yes, or press the "
      + "button.";
  public static final String CHECK_IN = "On a scale from zero to ten, how calm do you feel right now? You can say "
      + "a number, or say skip.";
  public static final String GOODBYE = "That is fine. Goodbye for now. Say start, or press the button, whenever you "
      + "would like to practise.";
  public static final String CLOSING = "Thank you for taking this time for yourself. Whenever you want to practise "
      + "again, I will be here.";
  public static final String GENTLE_CLOSE = "Well done for looking after yourself. You can rest here for as long as "
      + "you like. Thank you.";
  /** After a practice could not start or broke off: no blame, and the way on. */
  public static final String SORRY = "I'm sorry, something went wrong on my side and the practice has stopped. "
      + "This is not your doing. You can start again whenever you like.";
  public static final String NOT_THERAPY = "This device offers practice exercises. It is not therapy, and it is not"
      + " a crisis service.";

  private Prompts() {}

  /** The menu, naming a few of the practices on offer. */
  public static String menu(List<String> spokenNames) {
    String examples = spokenNames.size() == 1 ? spokenNames.get(0)
        : String.join(", ", spokenNames.subList(0, spokenNames.size() - 1)) + ", or "
            + spokenNames.get(spokenNames.size() - 1);
    return "Which practice would you like? You could say " + examples + ". Or say help.";
  }
}
