package dev.kplan.provider.aws;

import dev.kplan.provider.ChangeOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks, from CloudTrail events about one resource (as LookupEvents returns them, newest first), the change
 * that explains a drift: the newest write event not made by kplan itself (kplan's requests carry
 * {@link #USER_AGENT} in their user agent), and for a deleted object the newest {@code Delete*} event. Tells
 * a person (console, CLI) from a program (SDKs, services) by the event's user agent and identity.
 */
final class CloudTrailMatch {
  private CloudTrailMatch() {}

  /** Added to the user agent of every kplan request, so kplan's own changes are told apart. */
  static final String USER_AGENT = "kplan";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One event: the fields of LookupEvents' {@code Event} that matter, {@code cloudTrailEvent} as the raw JSON. */
  record Event(String eventName, Instant eventTime, String username, Boolean readOnly, String cloudTrailEvent) {}

  /** Who (principal ARN, else user name), what (event name), when, and whether a person did it. */
  record Found(String principal, String eventName, Instant time, ChangeOrigin origin) {}

  static Found newest(List<Event> events, boolean deleted) {
    Found best = null;
    for (Event e : events) {
      JsonNode detail = parse(e.cloudTrailEvent());
      boolean readOnly = Boolean.TRUE.equals(e.readOnly())
          || (detail != null && detail.path("readOnly").asBoolean(false));
      String agent = detail == null ? "" : detail.path("userAgent").asString("");
      if (readOnly || agent.contains(USER_AGENT + "/") || (deleted && !e.eventName().startsWith("Delete"))) {
        continue;
      }
      if (detail != null && !detail.path("errorCode").asString("").isEmpty()) {
        continue; // a failed call changed nothing
      }
      if (best == null || (e.eventTime() != null && best.time() != null && e.eventTime().isAfter(best.time()))) {
        String arn = detail == null ? "" : detail.path("userIdentity").path("arn").asString("");
        String principal = !arn.isEmpty() ? arn : e.username() != null ? e.username() : "unknown";
        best = new Found(principal, e.eventName(), e.eventTime(), origin(agent, detail));
      }
    }
    return best;
  }

  static ChangeOrigin origin(String userAgent, JsonNode detail) {
    String a = userAgent.toLowerCase(Locale.ROOT);
    String invokedBy = detail == null ? "" : detail.path("userIdentity").path("invokedBy").asString("");
    if (!invokedBy.isEmpty() || a.endsWith(".amazonaws.com") && !a.contains("console")) {
      return ChangeOrigin.AUTOMATION; // a service acting for someone
    }
    if (a.contains("console.amazonaws.com") || a.contains("signin.amazonaws.com") || a.contains("aws-cli/")
        || a.contains("aws-internal/3") || a.contains("awscli")) {
      return ChangeOrigin.MANUAL;
    }
    if (a.contains("terraform") || a.contains("aws-sdk") || a.contains("boto") || a.contains("cloudformation")) {
      return ChangeOrigin.AUTOMATION;
    }
    return ChangeOrigin.UNKNOWN;
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      return null;
    }
  }
}
