package dev.kplan.state;

import java.time.Instant;
import java.util.Objects;

/** Who holds the state lock: an id (for {@code force-unlock}), who, doing what, since when. */
public record LockInfo(String id, String owner, String operation, Instant created) {
  public LockInfo {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(owner, "owner is null");
    Objects.requireNonNull(operation, "operation is null");
    Objects.requireNonNull(created, "created is null");
  }
}
