package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.time.Duration;

/**
 * The provider's {@code assume_role { … }} block, as Terraform's AWS provider has it: the credentials the provider
 * resolved otherwise (keys, profile, environment) are used only to call STS AssumeRole, and every API call is then
 * made as the assumed role. {@code null} {@code externalId} and {@code duration} leave STS's defaults.
 */
record AssumeRole(String roleArn, String sessionName, String externalId, Duration duration) {

  /** Terraform's provider names the session after itself when none is given; kplan names it after kplan. */
  static final String DEFAULT_SESSION_NAME = "kplan";

  AssumeRole {
    if (roleArn == null || roleArn.isBlank()) {
      throw new IllegalArgumentException("assume_role needs role_arn");
    }
    if (!roleArn.startsWith("arn:")) {
      throw new IllegalArgumentException("assume_role.role_arn = \"" + roleArn + "\" is not an ARN (arn:aws:iam::ACCOUNT:role/NAME)");
    }
    if (duration != null && (duration.compareTo(Duration.ofMinutes(15)) < 0 || duration.compareTo(Duration.ofHours(12)) > 0)) {
      throw new IllegalArgumentException("assume_role.duration must be between 15m and 12h, not " + duration);
    }
  }

  /** Reads the block, or null when the configuration has none. */
  static AssumeRole of(Value value) {
    Value unmarked = value == null ? null : ValueMarks.unmarkDeep(value);
    if (!(unmarked instanceof ObjectValue block)) {
      return null;
    }
    String session = Vals.string(block, "session_name");
    String duration = Vals.string(block, "duration");
    return new AssumeRole(Vals.string(block, "role_arn"), session == null ? DEFAULT_SESSION_NAME : session,
        Vals.string(block, "external_id"), duration == null ? null : parseDuration(duration));
  }

  /** Go-style durations as Terraform accepts them: "1h", "30m", "1h30m", "900s". */
  static Duration parseDuration(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([hms])").matcher(text);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(m.group(2).equals("h") ? Duration.ofHours(n) : m.group(2).equals("m") ? Duration.ofMinutes(n)
          : Duration.ofSeconds(n));
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("assume_role.duration = \"" + text + "\" is not a duration such as \"1h\" or \"15m\"");
    }
    return d;
  }
}
