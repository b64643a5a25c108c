package dev.kplan.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the history: which serial, when, who (the user), by what command, its change
 * counts, and the host it was written from (empty for versions written before kplan kept it).
 */
public record StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed,
    String host) {
  public StateVersion {
    Objects.requireNonNull(created, "created is null");
    who = who == null ? "" : who;
    command = command == null ? "" : command;
    host = host == null ? "" : host;
  }

  /** A version without a known host. */
  public StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed) {
    this(serial, created, who, command, added, changed, removed, "");
  }
}
