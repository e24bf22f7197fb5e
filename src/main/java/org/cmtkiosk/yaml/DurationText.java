package org.cmtkiosk.yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 3s}, {@code 1.5s}, {@code 350ms}, {@code 2m}, {@code 1m 30s}. */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");
  private static final Pattern FORM = Pattern.compile("\\s*(?:" + PART.pattern() + "\\s*)+");

  private DurationText() {}

  /** Parses a duration such as {@code 90s} or {@code 1m 30s}, or returns empty if the text is not one. */
  public static Optional<Duration> parse(String text) {
    if (!FORM.matcher(text).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long millisPerUnit = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1000;
        case "m", "min" -> 60_000;
        default -> 3_600_000;
      };
      total = total.plusMillis(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(millisPerUnit)).longValue());
    }
    return Optional.of(total);
  }

  /** Formats compactly, e.g. {@code 1.5s}, {@code 2m}, {@code 7m 30s}, {@code 350ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
    long seconds = Math.round(ms / 1000.0);
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m " + seconds % 60 + "s";
  }
}
