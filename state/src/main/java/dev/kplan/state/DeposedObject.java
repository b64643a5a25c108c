package dev.kplan.state;

import java.util.Objects;

/**
 * An object that create_before_destroy took out of its address ({@code instance.address()}) to
 * make room for the replacement, and that still exists until it is destroyed. {@code deposedKey}
 * (8 hex digits, as Terraform's) tells several of one address apart.
 */
public record DeposedObject(String deposedKey, ResourceInstance instance) {
  public DeposedObject {
    Objects.requireNonNull(deposedKey, "deposedKey is null");
    Objects.requireNonNull(instance, "instance is null");
  }

  /** The key a snapshot lists it under: {@code local_file.a (deposed 1a2b3c4d)}. */
  public String id() {
    return id(instance.address(), deposedKey);
  }

  public static String id(String address, String deposedKey) {
    return address + " (deposed " + deposedKey + ")";
  }
}
