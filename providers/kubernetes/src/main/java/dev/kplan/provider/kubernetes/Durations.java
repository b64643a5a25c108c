package dev.kplan.provider.kubernetes;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as Terraform's {@code timeouts} take them: {@code 30s}, {@code 5m}, {@code 1h30m}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** The duration, or null when {@code text} is not one. */
  static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = PART.matcher(text.trim());
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
      end = m.end();
    }
    return end == text.trim().length() && end > 0 ? d : null;
  }
}
