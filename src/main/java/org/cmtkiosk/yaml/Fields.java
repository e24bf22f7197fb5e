package org.cmtkiosk.yaml;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The keys of one YAML mapping, read with types and limits. Every mistake (unknown or duplicate key, wrong type,
 * value out of range, missing key) becomes a {@link Problem}; getters then return empty so reading can go on.
 */
public final class Fields {
  private final MappingNode mapping;
  private final Problems problems;
  private final String where;
  private final Map<String, Node> values = new LinkedHashMap<>();

  /**
   * @param where how to name this mapping in messages, e.g. "the practice" or "step 3 (breathe)"
   * @param allowed every key this mapping may hold
   */
  public Fields(MappingNode mapping, Set<String> allowed, String where, Problems problems) {
    this.mapping = mapping;
    this.problems = problems;
    this.where = where;
    for (NodeTuple tuple : mapping.getValue()) {
      readKey(tuple, allowed);
    }
  }

  private void readKey(NodeTuple tuple, Set<String> allowed) {
    Node keyNode = tuple.getKeyNode();
    if (!(keyNode instanceof ScalarNode scalar)) {
      problems.at(keyNode, "a key in " + where + " is not a plain word", "write keys as simple words like 'title:'");
      return;
    }
    String key = scalar.getValue();
    if (!allowed.contains(key)) {
      problems.at(keyNode, "unknown key '" + key + "' in " + where,
          Suggest.closest(key, allowed).map(s -> "did you mean '" + s + "'? ").orElse("")
              + "allowed keys: " + String.join(", ", allowed));
    } else if (values.containsKey(key)) {
      problems.at(keyNode, "the key '" + key + "' appears twice in " + where,
          "keep one of them (line " + (values.get(key).getStartMark().getLine() + 1) + " has the other)");
    } else {
      values.put(key, tuple.getValueNode());
    }
  }

  public MappingNode node() {
    return mapping;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Optional<Node> raw(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Records a missing required key at the mapping's start. */
  public void requireKey(String key, String fix) {
    if (!values.containsKey(key)) {
      problems.at(mapping, where + " has no '" + key + "'", fix);
    }
  }

  /** A non-empty text value. */
  public Optional<String> text(String key, boolean required, String fix) {
    if (required) {
      requireKey(key, fix);
    }
    return raw(key).flatMap(node -> scalar(node, key, "text", fix)).flatMap(value -> {
      if (value.isBlank()) {
        problems.at(values.get(key), "'" + key + "' in " + where + " is empty", fix);
        return Optional.empty();
      }
      return Optional.of(value.strip());
    });
  }

  /** A text value that may be empty (e.g. "" for "use the default device"). */
  public Optional<String> textOrEmpty(String key) {
    return raw(key).flatMap(node -> scalar(node, key, "text", "write a text value in quotes"));
  }

  /** A duration such as {@code 3s}, {@code 1.5s}, {@code 350ms} or {@code 2m}, within [min, max]. */
  public Optional<Duration> duration(String key, boolean required, Duration min, Duration max) {
    if (required) {
      requireKey(key, "add '" + key + ":' with a duration such as 5s or 2m");
    }
    return raw(key).flatMap(node -> durationOf(node, key, min, max));
  }

  /** Reads a duration from any node, e.g. a list item. */
  public Optional<Duration> durationOf(Node node, String key, Duration min, Duration max) {
    String fix = "write a duration such as 3s, 1.5s, 350ms or 2m";
    return scalar(node, key, "duration", fix).flatMap(text -> {
      Optional<Duration> parsed = DurationText.parse(text);
      if (parsed.isEmpty()) {
        problems.at(node, "'" + key + "' in " + where + " is '" + text + "', not a duration", fix);
        return Optional.empty();
      }
      Duration value = parsed.get();
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        problems.at(node, "'" + key + "' in " + where + " is " + text + (value.isNegative() ? ", a negative time" : "")
            + ", outside the sensible range", "use a value from " + DurationText.format(min) + " to "
            + DurationText.format(max));
        return Optional.empty();
      }
      return Optional.of(value);
    });
  }

  /** A whole number within [min, max]. */
  public Optional<Integer> integer(String key, boolean required, int min, int max) {
    String fix = "write a whole number from " + min + " to " + max;
    if (required) {
      requireKey(key, "add '" + key + ":' with " + fix.substring(6));
    }
    return raw(key).flatMap(node -> scalar(node, key, "number", fix).flatMap(text -> {
      try {
        int value = Integer.parseInt(text.strip());
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
        problems.at(node, "'" + key + "' in " + where + " is " + value + ", outside " + min + "–" + max, fix);
      } catch (NumberFormatException e) {
        problems.at(node, "'" + key + "' in " + where + " is '" + text + "', not a whole number", fix);
      }
      return Optional.empty();
    }));
  }

  /** A decimal number within [min, max]. */
  public Optional<Double> number(String key, double min, double max) {
    String fix = "write a number from " + min + " to " + max;
    return raw(key).flatMap(node -> scalar(node, key, "number", fix).flatMap(text -> {
      try {
        double value = Double.parseDouble(text.strip());
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
        problems.at(node, "'" + key + "' in " + where + " is " + text + ", outside " + min + " to " + max, fix);
      } catch (NumberFormatException e) {
        problems.at(node, "'" + key + "' in " + where + " is '" + text + "', not a number", fix);
      }
      return Optional.empty();
    }));
  }

  /** true or false. */
  public Optional<Boolean> bool(String key) {
    String fix = "write true or false";
    return raw(key).flatMap(node -> scalar(node, key, "true/false", fix).flatMap(text -> switch (text.strip()) {
      case "true", "yes", "on" -> Optional.of(true);
      case "false", "no", "off" -> Optional.of(false);
      default -> {
        problems.at(node, "'" + key + "' in " + where + " is '" + text + "', not true or false", fix);
        yield Optional.empty();
      }
    }));
  }

  /** One of a fixed set of words. */
  public Optional<String> oneOf(String key, boolean required, List<String> choices) {
    String fix = "use one of: " + String.join(", ", choices);
    return text(key, required, fix).flatMap(value -> {
      if (choices.contains(value)) {
        return Optional.of(value);
      }
      problems.at(values.get(key), "'" + key + "' in " + where + " is '" + value + "'", fix);
      return Optional.empty();
    });
  }

  /** A nested mapping; a key with nothing under it (only comments) counts as an empty one. */
  public Optional<MappingNode> mapping(String key, String fix) {
    return raw(key).flatMap(node -> {
      if (node instanceof MappingNode m) {
        return Optional.of(m);
      }
      if (node.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
        return Optional.empty();
      }
      problems.at(node, "'" + key + "' in " + where + " should hold indented 'key: value' lines", fix);
      return Optional.empty();
    });
  }

  /** A list. */
  public Optional<SequenceNode> list(String key, String fix) {
    return raw(key).flatMap(node -> {
      if (node instanceof SequenceNode s) {
        return Optional.of(s);
      }
      problems.at(node, "'" + key + "' in " + where + " should be a list of '- ' items", fix);
      return Optional.empty();
    });
  }

  private Optional<String> scalar(Node node, String key, String kind, String fix) {
    if (node instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    problems.at(node, "'" + key + "' in " + where + " should be a single " + kind + ", not a list or mapping", fix);
    return Optional.empty();
  }
}
