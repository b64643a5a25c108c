package dev.kplan.state;

import java.time.Instant;
import java.util.Objects;

/** One entry of the history: which serial, when, who, by what command, and its change counts. */
public record StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed) {
  public StateVersion {
    Objects.requireNonNull(created, "created is null");
    who = who == null ? "" : who;
    command = command == null ? "" : command;
  }
}
