package dev.kplan.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the history: which serial, when, who (the user), by what command, its change
 * counts, the host it was written from (empty for versions written before kplan kept it), and how
 * many objects it moved to another address ({@code moved} objects are not also counted as added
 * and removed; {@link #MOVES_UNKNOWN} for versions written before kplan recorded moves).
 */
public record StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed,
    String host, int moved) {
  /** {@link #moved} of a version written before kplan recorded moves. */
  public static final int MOVES_UNKNOWN = -1;

  public StateVersion {
    Objects.requireNonNull(created, "created is null");
    who = who == null ? "" : who;
    command = command == null ? "" : command;
    host = host == null ? "" : host;
  }

  /** A version without recorded moves. */
  public StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed,
      String host) {
    this(serial, created, who, command, added, changed, removed, host, MOVES_UNKNOWN);
  }

  /** A version without a known host. */
  public StateVersion(long serial, Instant created, String who, String command, int added, int changed, int removed) {
    this(serial, created, who, command, added, changed, removed, "", MOVES_UNKNOWN);
  }
}
