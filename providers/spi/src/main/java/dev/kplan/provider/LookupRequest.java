package dev.kplan.provider;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Find the {@code typeName} object that a create at {@code address} made, by the identity the
 * provider gave before it ({@link IdentityResult}); the engine asks after an apply died between
 * the provider's create and the state write.
 */
public record LookupRequest(String typeName, String address, Map<String, String> identity) {
  public LookupRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(address, "address is null");
    identity = Collections.unmodifiableMap(new TreeMap<>(identity));
  }
}
