package dev.kplan.state;

import java.util.Map;
import java.util.Objects;

/**
 * The moves a store recorded between two versions, composed: each entry maps an object's address
 * in the earlier version to its address in the later one (an object moved twice appears once,
 * from its first address to its last). Only objects that stayed at each of their addresses
 * without a gap between their moves are included. {@code complete} is false when some version in
 * between was written before kplan recorded moves, so that moves may be missing.
 */
public record RecordedMoves(Map<String, String> moves, boolean complete) {
  public RecordedMoves {
    moves = Map.copyOf(Objects.requireNonNull(moves, "moves is null"));
  }

  /** Nothing recorded, nothing known (a store without history of moves). */
  public static RecordedMoves unknown() {
    return new RecordedMoves(Map.of(), false);
  }
}
