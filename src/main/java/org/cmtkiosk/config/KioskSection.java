package org.cmtkiosk.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cmtkiosk.session.KioskSettings;
import org.cmtkiosk.yaml.Fields;
import org.cmtkiosk.yaml.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code kiosk:}, {@code offer:}, {@code safety:} and {@code session:} settings of the session flow. */
final class KioskSection {
  /** Settings that moved or went, with the fix: a site config written for an older version says what to change. */
  private static final Map<String, String> MOVED = Map.of(
      "offer", "move the list to offer.practices",
      "default_practice", "move it to offer.default",
      "longest_practice", "use offer.shorter_than (practices written for less than this are offered)",
      "help_message", "use safety.help_line: only where help is, e.g. \"the nurse in charge\"; the device says the"
          + " rest",
      "menu_examples", "delete the line: the menu now reads every offered practice, one at a time");
  static final Set<String> KEYS = union(Set.of("check_in", "menu_wait", "item_gap", "goodbye_after", "answer_wait",
      "quiet_hours"), MOVED.keySet());
  static final Set<String> OFFER_KEYS = Set.of("practices", "default", "evocative", "shorter_than");
  static final Set<String> SAFETY_KEYS = Set.of("help_line", "low_rating");
  static final Set<String> SESSION_KEYS = Set.of("pause_timeout");
  private static final Set<String> QUIET_KEYS = Set.of("from", "to", "volume_db", "max_brightness");

  private KioskSection() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  static KioskSettings read(Fields k, Fields offer, Fields safety, Fields session, KioskSettings d,
      Problems problems) {
    MOVED.forEach((key, fix) -> k.raw(key).ifPresent(node -> problems.at(node, "'kiosk." + key
        + "' is no longer a setting", fix)));
    KioskSettings.QuietHours quiet = k.mapping("quiet_hours", "give from, to, volume_db and max_brightness")
        .map(m -> quiet(m, d.quietHours(), problems)).orElse(d.quietHours());
    return new KioskSettings(offer(offer, d.offer(), problems), safety(safety, d.safety()),
        k.bool("check_in").orElse(d.checkIn()),
        k.duration("menu_wait", false, Duration.ofSeconds(5), Duration.ofMinutes(5)).orElse(d.menuWait()),
        k.duration("item_gap", false, Duration.ofSeconds(1), Duration.ofSeconds(15)).orElse(d.itemGap()),
        k.duration("goodbye_after", false, Duration.ofSeconds(5), Duration.ofMinutes(10)).orElse(d.goodbyeAfter()),
        k.duration("answer_wait", false, Duration.ofSeconds(2), Duration.ofMinutes(2)).orElse(d.answerWait()),
        session.duration("pause_timeout", false, Duration.ofSeconds(10), Duration.ofMinutes(30))
            .orElse(d.pauseTimeout()),
        quiet);
  }

  private static KioskSettings.Offer offer(Fields o, KioskSettings.Offer d, Problems problems) {
    List<String> ids = o.list("practices", "list practice ids, e.g. [soothing-rhythm-breathing, body-scan]")
        .map(seq -> ids(seq.getValue(), problems)).orElse(d.practices());
    return new KioskSettings.Offer(ids,
        o.text("default", false, "write a practice id, e.g. soothing-rhythm-breathing").orElse(d.defaultPractice()),
        o.bool("evocative").orElse(d.evocative()),
        o.duration("shorter_than", false, Duration.ofMinutes(1), Duration.ofHours(1)).orElse(d.shorterThan()));
  }

  private static KioskSettings.Safety safety(Fields s, KioskSettings.Safety d) {
    return new KioskSettings.Safety(s.textOrEmpty("help_line").map(String::strip).orElse(d.helpLine()),
        s.integer("low_rating", false, 0, 9).orElse(d.lowRating()));
  }

  private static List<String> ids(List<Node> items, Problems problems) {
    List<String> ids = new ArrayList<>();
    for (Node n : items) {
      if (n instanceof ScalarNode s) {
        ids.add(s.getValue().strip());
      } else {
        problems.at(n, "an entry of offer.practices is not a practice id", "write ids like soothing-rhythm-breathing");
      }
    }
    return ids;
  }

  private static KioskSettings.QuietHours quiet(MappingNode m, KioskSettings.QuietHours d, Problems problems) {
    Fields q = new Fields(m, QUIET_KEYS, "the 'kiosk.quiet_hours' settings", problems);
    return new KioskSettings.QuietHours(time(q, "from", problems).orElse(d.from()),
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
