package dev.kplan.state;

import java.util.List;
import java.util.Objects;

/**
 * One managed object as stored: its address ({@code module.a.local_file.cfg["x"]}), the provider
 * configuration that manages it ({@code provider.local} or {@code provider.kubernetes.staging}),
 * the schema version its attributes were written under, the attributes as JSON (Terraform's
 * layout: typed by the schema, values under an attribute of type any as {@code {"value":…,"type":…}}), the paths of sensitive attributes (JSON), the addresses it depends on, whether it is
 * tainted, and the provider's private data.
 */
public record ResourceInstance(
    String address,
    String providerAddress,
    int schemaVersion,
    String attributesJson,
    String sensitivePathsJson,
    List<String> dependencies,
    boolean tainted,
    String privateData) {
  public ResourceInstance {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(providerAddress, "providerAddress is null");
    Objects.requireNonNull(attributesJson, "attributesJson is null");
    sensitivePathsJson = sensitivePathsJson == null ? "[]" : sensitivePathsJson;
    dependencies = List.copyOf(dependencies);
  }
}
