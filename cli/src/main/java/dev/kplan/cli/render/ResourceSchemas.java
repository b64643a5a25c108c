package dev.kplan.cli.render;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.provider.BlockSchema;

/**
 * The body schemas the text renderer draws nested blocks with (as Terraform renders with the
 * providers' schemas). Without a schema for a type, its nested blocks print as attribute values.
 */
@FunctionalInterface
public interface ResourceSchemas {
  /** No schemas: every body is drawn from its value alone. */
  ResourceSchemas NONE = (address, provider) -> null;

  /** The body schema of {@code address}'s type (resource or data source) as {@code provider} serves it, or null. */
  BlockSchema of(ResourceAddress address, ProviderAddress provider);
}
