package org.cmtkiosk.listen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The words the device understands, with synonyms; a site can add or change them in the config (voice.words). The
 * way out — {@link #ESCAPE} — is heard in every context and also inside a longer utterance ("oh, please stop now"),
 * and its built-in phrases cannot be removed by a site, only added to.
 */
public final class Vocabulary {
  /** The built-in words; the first phrase of each command is the one the device teaches. */
  public static final Map<Command, List<String>> DEFAULT_WORDS = defaults();
  /** The way out, strongest first: heard in every context, and inside an utterance. */
  public static final List<Command> ESCAPE = List.of(Command.GROUND_ME, Command.STOP, Command.HELP);
  static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten");
  private static final String UNKNOWN = "[unk]";

  private final Map<Command, List<String>> words;
  private final List<String> practiceNames;

  /** @param practiceNames the spoken names of the practices on offer, e.g. "breathing", "safe place" */
  public Vocabulary(Map<Command, List<String>> words, Collection<String> practiceNames) {
    this.words = withEscapes(words);
    this.practiceNames = practiceNames.stream().map(Vocabulary::normalise).toList();
  }

  private static Map<Command, List<String>> defaults() {
    Map<Command, List<String>> w = new EnumMap<>(Command.class);
    w.put(Command.START, List.of("start", "begin"));
    w.put(Command.STOP, List.of("stop", "please stop", "i want to stop", "end", "finish"));
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
    w.put(Command.GROUND_ME, List.of("too much", "grounding", "ground me", "it's too much", "that's enough",
        "help me"));
    w.put(Command.REST, List.of("rest", "rest in silence"));
    w.put(Command.GENTLE, List.of("something gentle", "gentle"));
    w.put(Command.CHOOSE, List.of("that one"));
    return Map.copyOf(w);
  }

  /** The site's words, with the built-in phrases of the way out always kept (a site may only add to them). */
  private static Map<Command, List<String>> withEscapes(Map<Command, List<String>> site) {
    Map<Command, List<String>> all = new EnumMap<>(site);
    for (Command c : ESCAPE) {
      Set<String> phrases = new LinkedHashSet<>(DEFAULT_WORDS.get(c));
      site.getOrDefault(c, List.of()).stream().map(Vocabulary::normalise).forEach(phrases::add);
      all.put(c, List.copyOf(phrases));
    }
    return all;
  }

  /** Lower case, apostrophes kept, other punctuation and runs of spaces made single spaces. */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9' \\[\\]]", " ")
        .replaceAll("\\s+", " ").strip();
  }

  /** Every phrase listened for in {@code context}, mapped to what it means. */
  public Map<String, Heard> phrases(Context context) {
    Map<String, Heard> phrases = new LinkedHashMap<>();
    for (Command c : commandsFor(context)) {
      for (String phrase : words.getOrDefault(c, List.of())) {
        phrases.putIfAbsent(phrase, new Heard.CommandHeard(c, phrase));
      }
    }
    if (context == Context.MENU) {
      practiceNames.forEach(n -> phrases.putIfAbsent(n, new Heard.PracticeHeard(n)));
    }
    if (context == Context.NUMBER) {
      for (int i = 0; i < NUMBERS.size(); i++) {
        phrases.putIfAbsent(NUMBERS.get(i), new Heard.NumberHeard(i));
      }
    }
    return phrases;
  }

  /**
   * What {@code utterance} means in {@code context}: one of its phrases said by itself, or else a phrase of the way
   * out anywhere inside it ("oh please stop now", "[unk] too much"), the strongest first.
   */
  public Optional<Heard> meaning(String utterance, Context context) {
    String text = normalise(utterance);
    Heard whole = text.contains(UNKNOWN) ? null : phrases(context).get(text);
    return whole != null ? Optional.of(whole) : escapeInside(text);
  }

  /** The first phrase of the way out found inside {@code text}, looking for the strongest command first. */
  private Optional<Heard> escapeInside(String text) {
    String padded = " " + text + " ";
    for (Command c : ESCAPE) {
      Optional<String> found = words.get(c).stream().sorted((a, b) -> b.length() - a.length())
          .filter(p -> padded.contains(" " + p + " ")).findFirst();
      if (found.isPresent()) {
        return Optional.of(new Heard.CommandHeard(c, found.get()));
      }
    }
    return Optional.empty();
  }

  /** The commands that make sense in a context; the way out is in every one. */
  static List<Command> commandsFor(Context context) {
    List<Command> own = switch (context) {
      case IDLE -> List.of(Command.START);
      case MENU -> List.of(Command.YES, Command.NO, Command.START, Command.REPEAT, Command.SKIP, Command.CHOOSE);
      case PRACTICE -> List.of(Command.PAUSE, Command.RESUME, Command.SLOWER, Command.FASTER, Command.LOUDER,
          Command.QUIETER, Command.TONE, Command.REPEAT, Command.SKIP, Command.MENU);
      case NUMBER -> List.of(Command.SKIP, Command.REPEAT, Command.CHOOSE);
      case YES_NO -> List.of(Command.YES, Command.NO, Command.REPEAT);
      case LANDING -> List.of(Command.REPEAT, Command.REST, Command.GENTLE, Command.CHOOSE, Command.YES, Command.NO);
    };
    return Stream.concat(Stream.of(Command.STOP, Command.GROUND_ME, Command.HELP), own.stream()).toList();
  }

  /**
   * The grammar the recogniser listens with in {@code context}: a JSON list of the phrases plus "[unk]", so anything
   * else is reported as unknown instead of being forced onto the nearest phrase.
   */
  public String grammar(Context context) {
    List<String> all = new ArrayList<>(phrases(context).keySet());
    all.add(UNKNOWN);
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
        first.add(c == Command.REPEAT && context == Context.LANDING ? "again" : w.get(0));
      }
    }
    String names = context == Context.MENU && !practiceNames.isEmpty()
        ? " You can also say the name of a practice, such as " + practiceNames.get(0) + "." : "";
    String numbers = context == Context.NUMBER ? " Or say a number from zero to ten." : "";
    return "You can say: " + String.join(", ", first) + "." + names + numbers;
  }
}
