package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** A {@code provider "name" {…}} block; {@code config} is its body without {@code alias}. */
public record ProviderBlock(ProviderAddress address, Body config, SourceRange range) {
  public ProviderBlock {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(config, "config is null");
  }
}
