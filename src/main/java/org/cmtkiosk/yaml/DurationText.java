package org.cmtkiosk.yaml;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in scripts and config: {@code 3s}, {@code 1.5s}, {@code 350ms}, {@code 2m}. */
public final class DurationText {
  private static final Pattern FORM = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)\\s*");

  private DurationText() {}

  /** Parses a duration, or returns empty if the text is not one. */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    long millisPerUnit = switch (m.group(2)) {
      case "ms" -> 1;
      case "s" -> 1000;
      case "m", "min" -> 60_000;
      default -> 3_600_000;
    };
    return Optional.of(Duration.ofMillis(amount.multiply(BigDecimal.valueOf(millisPerUnit)).longValue()));
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
