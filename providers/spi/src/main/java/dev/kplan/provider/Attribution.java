package dev.kplan.provider;

import dev.kplan.lang.value.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Who last changed part of a live object, where the provider knows (Kubernetes managedFields,
 * CloudTrail…): the path changed, the actor, the kind of operation, and when; whether the actor is a
 * person or a program ({@code origin}), and whether the change touches security ({@code securitySensitive}:
 * exposure, network policy, permissions, privileges, an image that can change under the same name).
 */
public record Attribution(Path path, String manager, String operation, Instant time, ChangeOrigin origin,
    boolean securitySensitive) {
  public Attribution {
    Objects.requireNonNull(path, "path is null");
    Objects.requireNonNull(manager, "manager is null");
    operation = operation == null ? "" : operation;
    origin = origin == null ? ChangeOrigin.UNKNOWN : origin;
  }

  /** An attribution the provider does not classify. */
  public Attribution(Path path, String manager, String operation, Instant time) {
    this(path, manager, operation, time, ChangeOrigin.UNKNOWN, false);
  }
}
