package dev.kplan.provider;

import dev.kplan.lang.value.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Who last changed part of a live object, where the provider knows (Kubernetes managedFields,
 * CloudTrail…): the path changed, the actor, the kind of operation, and when.
 */
public record Attribution(Path path, String manager, String operation, Instant time) {
  public Attribution {
    Objects.requireNonNull(path, "path is null");
    Objects.requireNonNull(manager, "manager is null");
    operation = operation == null ? "" : operation;
  }
}
