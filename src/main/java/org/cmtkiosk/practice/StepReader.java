package org.cmtkiosk.practice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmtkiosk.breath.BreathBlock;
import org.cmtkiosk.breath.BreathPattern;
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.cmtkiosk.yaml.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code steps:} list of a practice. */
final class StepReader {
  static final List<String> KINDS = List.of("say", "pause", "breathe", "ask", "chime");
  private static final Set<String> BREATHE_KEYS = Set.of("start", "target", "glide", "breaths", "for", "cues",
      "cue_in", "cue_out");
  private static final Set<String> PATTERN_KEYS = Set.of("inhale", "hold", "exhale", "rest");
  private static final Set<String> ASK_KEYS = Set.of("ask", "wait");
  private static final Duration NONE = Duration.ZERO;

  private final Problems problems;

  private StepReader(Problems problems) {
    this.problems = problems;
  }

  static List<Step> readAll(SequenceNode list, Problems problems) {
    StepReader reader = new StepReader(problems);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < list.getValue().size(); i++) {
      reader.read(list.getValue().get(i), i + 1).ifPresent(steps::add);
    }
    if (list.getValue().isEmpty()) {
      problems.at(list, "the practice has no steps", "add at least one '- say: ...' step");
    }
    return steps;
  }

  private Optional<Step> read(Node item, int number) {
    int line = item.getStartMark().getLine() + 1;
    if (item instanceof ScalarNode s && s.getValue().equals("chime")) {
      return Optional.of(new Step.Chime(line));
    }
    if (!(item instanceof MappingNode m) || m.getValue().isEmpty()) {
      problems.at(item, "step " + number + " is not a step", "write it as '- say: text', '- pause: 20s', "
          + "'- breathe:' with its settings, '- ask: question' or '- chime'");
      return Optional.empty();
    }
    NodeTuple first = m.getValue().get(0);
    String kind = first.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
    String where = "step " + number + " (" + kind + ")";
    return switch (kind) {
      case "say" -> say(m, where, line);
      case "pause" -> pause(m, where, line);
      case "breathe" -> breathe(m, first.getValueNode(), where, line);
      case "ask" -> ask(m, where, line);
      case "chime" -> only(m, where, "chime") ? Optional.of(new Step.Chime(line)) : Optional.empty();
      default -> {
        problems.at(first.getKeyNode(), "unknown step '" + kind + "'",
            Suggest.closest(kind, KINDS).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "expected one of: " + String.join(", ", KINDS));
        yield Optional.empty();
      }
    };
  }

  private Optional<Step> say(MappingNode m, String where, int line) {
    Fields f = new Fields(m, Set.of("say"), where, problems);
    return f.text("say", true, "write the words to speak after 'say:'")
        .filter(text -> hasWords(text, f, where))
        .map(text -> new Step.Say(text, line));
  }

  private boolean hasWords(String text, Fields f, String where) {
    if (text.chars().anyMatch(Character::isLetter)) {
      return true;
    }
    problems.at(f.raw("say").get(), where + " has no words to speak", "write a sentence after 'say:'");
    return false;
  }

  private Optional<Step> pause(MappingNode m, String where, int line) {
    Fields f = new Fields(m, Set.of("pause"), where, problems);
    return f.duration("pause", true, Duration.ofMillis(500), Duration.ofMinutes(15))
        .map(length -> new Step.Pause(length, line));
  }

  private Optional<Step> ask(MappingNode m, String where, int line) {
    Fields f = new Fields(m, ASK_KEYS, where, problems);
    Optional<String> question = f.text("ask", true, "write the question after 'ask:'");
    Duration wait = f.duration("wait", false, Duration.ofSeconds(2), Duration.ofMinutes(2))
        .orElse(Duration.ofSeconds(8));
    return question.map(q -> new Step.Ask(q, wait, line));
  }

  private boolean only(MappingNode m, String where, String key) {
    int before = problems.list().size();
    new Fields(m, Set.of(key), where, problems);
    return problems.list().size() == before;
  }

  private Optional<Step> breathe(MappingNode m, Node body, String where, int line) {
    new Fields(m, Set.of("breathe"), where, problems);
    if (!(body instanceof MappingNode settings)) {
      problems.at(body, where + " needs its settings indented below it",
          "add lines like 'start: {inhale: 3s, hold: 1s, exhale: 3s}' and 'breaths: 12'");
      return Optional.empty();
    }
    Fields f = new Fields(settings, BREATHE_KEYS, where, problems);
    f.requireKey("start", "add 'start: {inhale: 3s, hold: 1s, exhale: 3s}'");
    Optional<BreathPattern> start = f.mapping("start", "write it as {inhale: 3s, exhale: 3s}")
        .flatMap(p -> pattern(p, where + " start"));
    Optional<BreathPattern> target = f.mapping("target", "write it as {inhale: 5s, exhale: 5s}")
        .flatMap(p -> pattern(p, where + " target"));
    int glide = f.integer("glide", false, 1, 100).orElse(1);
    Optional<Integer> breaths = f.integer("breaths", false, 1, 300);
    Optional<Duration> total = f.duration("for", false, Duration.ofSeconds(10), Duration.ofMinutes(30));
    if (f.has("breaths") == f.has("for")) {
      problems.at(settings, where + (f.has("for") ? " has both 'breaths' and 'for'" : " does not say how long"),
          "give either 'breaths: 12' or 'for: 3m', not both");
    }
    int cues = f.integer("cues", false, 0, 50).orElse(0);
    String cueIn = f.text("cue_in", false, "write the words, e.g. breathing in").orElse("breathing in");
    String cueOut = f.text("cue_out", false, "write the words, e.g. and out").orElse("and breathing out");
    if (start.isEmpty() || (breaths.isEmpty() && total.isEmpty()) || f.has("breaths") == f.has("for")) {
      return Optional.empty();
    }
    BreathBlock block = breaths.isPresent()
        ? BreathBlock.ofBreaths(start.get(), target.orElse(null), glide, breaths.get())
        : BreathBlock.ofTotal(start.get(), target.orElse(null), glide, total.get());
    return Optional.of(new Step.Breathe(block, cues, cueIn, cueOut, line));
  }

  private Optional<BreathPattern> pattern(MappingNode node, String where) {
    Fields f = new Fields(node, PATTERN_KEYS, where, problems);
    Optional<Duration> in = f.duration("inhale", true, Duration.ofSeconds(1), Duration.ofSeconds(10));
    Duration hold = f.duration("hold", false, NONE, Duration.ofSeconds(7)).orElse(NONE);
    Optional<Duration> out = f.duration("exhale", true, Duration.ofSeconds(1), Duration.ofSeconds(12));
    Duration rest = f.duration("rest", false, NONE, Duration.ofSeconds(7)).orElse(NONE);
    if (in.isEmpty() || out.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BreathPattern(in.get(), hold, out.get(), rest));
  }
}
