package org.cmtkiosk.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code kiosk:} settings a site sets for its sessions. */
final class KioskSection {
  static final Set<String> KEYS = Set.of("offer", "default_practice", "menu_examples", "check_in", "menu_wait",
      "goodbye_after", "answer_wait", "longest_practice", "help_message", "quiet_hours");
  private static final Set<String> QUIET_KEYS = Set.of("from", "to", "volume_db", "max_brightness");

  private KioskSection() {}

  static KioskConfig.Kiosk read(Fields k, KioskConfig.Kiosk d, Problems problems) {
    List<String> offer = k.list("offer", "list practice ids, e.g. [soothing-rhythm-breathing, safe-place]")
        .map(seq -> ids(seq.getValue(), problems)).orElse(d.offer());
    KioskConfig.QuietHours quiet = k.mapping("quiet_hours", "give from, to, volume_db and max_brightness")
        .map(m -> quiet(m, d.quietHours(), problems)).orElse(d.quietHours());
    return new KioskConfig.Kiosk(offer,
        k.text("default_practice", false, "write a practice id").orElse(d.defaultPractice()),
        k.integer("menu_examples", false, 1, 6).orElse(d.menuExamples()),
        k.bool("check_in").orElse(d.checkIn()),
        k.duration("menu_wait", false, Duration.ofSeconds(5), Duration.ofMinutes(5)).orElse(d.menuWait()),
        k.duration("goodbye_after", false, Duration.ofSeconds(5), Duration.ofMinutes(10)).orElse(d.goodbyeAfter()),
        k.duration("answer_wait", false, Duration.ofSeconds(3), Duration.ofMinutes(2)).orElse(d.answerWait()),
        k.duration("longest_practice", false, Duration.ofMinutes(1), Duration.ofHours(1))
            .orElse(d.longestPractice()),
        k.text("help_message", false, "write what help should say first").orElse(d.helpMessage()), quiet);
  }

  private static List<String> ids(List<Node> items, Problems problems) {
    List<String> ids = new ArrayList<>();
    for (Node n : items) {
      if (n instanceof ScalarNode s) {
        ids.add(s.getValue().strip());
      } else {
        problems.at(n, "an entry of kiosk.offer is not a practice id", "write ids like soothing-rhythm-breathing");
      }
    }
    return ids;
  }

  private static KioskConfig.QuietHours quiet(MappingNode m, KioskConfig.QuietHours d, Problems problems) {
    Fields q = new Fields(m, QUIET_KEYS, "the 'kiosk.quiet_hours' settings", problems);
    return new KioskConfig.QuietHours(time(q, "from", problems).orElse(d.from()),
        time(q, "to", problems).orElse(d.to()), q.number("volume_db", -30, 0).orElse(d.volumeDb()),
        q.number("max_brightness", 0, 1).orElse(d.maxBrightness()));
  }

  private static Optional<LocalTime> time(Fields q, String key, Problems problems) {
    return q.text(key, false, "write a time like 21:00").flatMap(text -> {
      try {
        return Optional.of(LocalTime.parse(text));
      } catch (DateTimeParseException e) {
        problems.at(q.raw(key).get(), "'" + key + "' in kiosk.quiet_hours is '" + text + "', not a time",
            "write a 24-hour time like 21:00");
        return Optional.empty();
      }
    });
  }
}
