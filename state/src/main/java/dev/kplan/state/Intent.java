package dev.kplan.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An entry of the intent journal: kplan is about to ask provider configuration {@code
 * providerAddress} to create the {@code resourceType} object at {@code address}, which the
 * provider says will be known by {@code identity} (a name, a namespace, a tag, a client token;
 * never a sensitive value). Written before the create in its own transaction; {@code answered}
 * once the provider's answer is recorded with the object; closed (gone) after that. An intent
 * that is still there and not answered is a create that a crash interrupted.
 */
public record Intent(
    String id,
    String address,
    String providerAddress,
    String resourceType,
    Map<String, String> identity,
    Instant created,
    String owner,
    boolean answered) {
  public Intent {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(providerAddress, "providerAddress is null");
    Objects.requireNonNull(resourceType, "resourceType is null");
    identity = Collections.unmodifiableMap(new TreeMap<>(identity));
    Objects.requireNonNull(created, "created is null");
    owner = owner == null ? "" : owner;
  }

  /** A new, unanswered intent with a fresh id, made now. */
  public static Intent open(String address, String providerAddress, String resourceType, Map<String, String> identity,
      String owner) {
    return new Intent(UUID.randomUUID().toString(), address, providerAddress, resourceType, identity,
        Instant.now().truncatedTo(ChronoUnit.MILLIS), owner, false);
  }
}
