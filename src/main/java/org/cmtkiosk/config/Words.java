package org.cmtkiosk.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cmtkiosk.listen.Command;
import org.cmtkiosk.listen.Vocabulary;
import org.cmtkiosk.yaml.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code voice.words}: commands the site renames; those left out keep their built-in words. */
final class Words {
  private Words() {}

  static Map<Command, List<String>> read(MappingNode node, Problems problems) {
    Map<Command, List<String>> words = new EnumMap<>(Vocabulary.DEFAULT_WORDS);
    String known = Stream.of(Command.values()).map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    for (NodeTuple t : node.getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
      Command command;
      try {
        command = Command.valueOf(key.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.at(t.getKeyNode(), "'" + key + "' in voice.words is not a command", "use one of: " + known);
        continue;
      }
      phrases(t.getValueNode(), key, problems).ifPresent(list -> words.put(command, list));
    }
    return words;
  }

  private static java.util.Optional<List<String>> phrases(Node value, String key, Problems problems) {
    if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.at(value, "'" + key + "' in voice.words should be a list of phrases", "write e.g. [stop, end]");
      return java.util.Optional.empty();
    }
    List<String> list = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && s.getValue().matches("[a-zA-Z' ]+")) {
        list.add(s.getValue().toLowerCase(Locale.ROOT).strip());
      } else {
        problems.at(item, "a phrase for '" + key + "' in voice.words is not plain words",
            "use letters and spaces only, as the recogniser's vocabulary does");
      }
    }
    return java.util.Optional.of(list);
  }
}
