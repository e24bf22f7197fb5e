package org.cmtkiosk.listen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The words the device understands, with synonyms; a site can change them in the config (voice.words). */
public final class Vocabulary {
  /** The built-in words. */
  public static final Map<Command, List<String>> DEFAULT_WORDS = defaults();
  static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten");

  private final Map<Command, List<String>> words;
  private final List<String> practiceNames;

  /** @param practiceNames the spoken names of the practices on offer, e.g. "breathing", "safe place" */
  public Vocabulary(Map<Command, List<String>> words, Collection<String> practiceNames) {
    this.words = new EnumMap<>(words);
    this.practiceNames = practiceNames.stream().map(n -> n.toLowerCase(Locale.ROOT).strip()).toList();
  }

  private static Map<Command, List<String>> defaults() {
    Map<Command, List<String>> w = new EnumMap<>(Command.class);
    w.put(Command.START, List.of("start", "begin"));
    w.put(Command.STOP, List.of("stop", "end", "finish"));
    w.put(Command.PAUSE, List.of("pause", "wait"));
    w.put(Command.RESUME, List.of("resume", "continue", "go on"));
    w.put(Command.SLOWER, List.of("slower"));
    w.put(Command.FASTER, List.of("faster"));
    w.put(Command.LOUDER, List.of("louder"));
    w.put(Command.QUIETER, List.of("quieter", "softer"));
    w.put(Command.TONE, List.of("tone"));
    w.put(Command.REPEAT, List.of("repeat", "again"));
    w.put(Command.SKIP, List.of("skip", "next"));
    w.put(Command.HELP, List.of("help", "what can i say"));
    w.put(Command.MENU, List.of("menu"));
    w.put(Command.YES, List.of("yes"));
    w.put(Command.NO, List.of("no"));
    w.put(Command.GROUND_ME, List.of("ground me", "too much"));
    return Map.copyOf(w);
  }

  /** Every phrase listened for in {@code context}, mapped to what it means. */
  public Map<String, Heard> phrases(Context context) {
    Map<String, Heard> phrases = new LinkedHashMap<>();
    for (Command c : commandsFor(context)) {
      for (String phrase : words.getOrDefault(c, List.of())) {
        phrases.put(phrase, new Heard.CommandHeard(c, phrase));
      }
    }
    if (context == Context.MENU) {
      practiceNames.forEach(n -> phrases.put(n, new Heard.PracticeHeard(n)));
    }
    if (context == Context.NUMBER) {
      for (int i = 0; i < NUMBERS.size(); i++) {
        phrases.put(NUMBERS.get(i), new Heard.NumberHeard(i));
      }
    }
    return phrases;
  }

  /** What {@code words} means in {@code context}, if it is one of its phrases. */
  public Optional<Heard> meaning(String words, Context context) {
    return Optional.ofNullable(phrases(context).get(words.toLowerCase(Locale.ROOT).strip()));
  }

  /** The commands that make sense in a context. */
  static List<Command> commandsFor(Context context) {
    return switch (context) {
      case IDLE -> List.of(Command.START);
      case MENU -> List.of(Command.STOP, Command.HELP, Command.REPEAT, Command.YES, Command.NO, Command.START);
      case PRACTICE -> List.of(Command.STOP, Command.PAUSE, Command.RESUME, Command.SLOWER, Command.FASTER,
          Command.LOUDER, Command.QUIETER, Command.TONE, Command.REPEAT, Command.SKIP, Command.HELP, Command.MENU,
          Command.GROUND_ME);
      case NUMBER -> List.of(Command.SKIP, Command.STOP, Command.HELP);
      case YES_NO -> List.of(Command.YES, Command.NO, Command.STOP, Command.HELP);
    };
  }

  /**
   * The grammar Vosk listens with in {@code context}: a JSON list of the phrases plus "[unk]", so anything else is
   * reported as unknown instead of being forced onto the nearest phrase.
   */
  public String grammar(Context context) {
    List<String> all = new ArrayList<>(phrases(context).keySet());
    all.add("[unk]");
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < all.size(); i++) {
      json.append(i == 0 ? "" : ", ").append('"').append(all.get(i).replace("\"", "")).append('"');
    }
    return json.append(']').toString();
  }

  /** A sentence saying what can be said in {@code context}, for help and after two misunderstandings. */
  public String whatYouCanSay(Context context) {
    List<String> first = new ArrayList<>();
    for (Command c : commandsFor(context)) {
      List<String> w = words.getOrDefault(c, List.of());
      if (!w.isEmpty() && c != Command.YES && c != Command.NO) {
        first.add(w.get(0));
      }
    }
    String names = context == Context.MENU && !practiceNames.isEmpty()
        ? " You can also say the name of a practice, such as " + practiceNames.get(0) + "." : "";
    String numbers = context == Context.NUMBER ? " Or say a number from zero to ten." : "";
    return "You can say: " + String.join(", ", first) + "." + names + numbers;
  }
}
