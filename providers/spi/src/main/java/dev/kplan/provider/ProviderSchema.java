package dev.kplan.provider;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Everything a provider declares: its own configuration, its resource types and data sources. */
public record ProviderSchema(
    BlockSchema providerConfig, Map<String, ResourceSchema> resources, Map<String, ResourceSchema> dataSources) {
  public ProviderSchema {
    Objects.requireNonNull(providerConfig, "providerConfig is null");
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    dataSources = Collections.unmodifiableMap(new TreeMap<>(dataSources));
  }
}
