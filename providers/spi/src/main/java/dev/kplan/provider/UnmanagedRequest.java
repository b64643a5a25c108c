package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * Which live objects kplan does not manage: look in {@code scopes} (a provider's own unit, such as Kubernetes
 * namespaces or AWS regions) and leave out the {@code managed} instances (their state as stored or planned).
 */
public record UnmanagedRequest(List<String> scopes, List<Managed> managed) {
  public UnmanagedRequest {
    scopes = List.copyOf(scopes);
    managed = List.copyOf(managed);
  }

  /** One managed instance of this provider: its resource type, address and state. */
  public record Managed(String typeName, String address, Value state) {
    public Managed {
      Objects.requireNonNull(typeName, "typeName is null");
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(state, "state is null");
    }
  }
}
