package dev.kplan.provider.local;

import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;

/** Provider {@code local}: the {@code local_…} types of this module. */
public final class LocalProviderFactory implements ProviderFactory {
  @Override
  public String name() {
    return "local";
  }

  @Override
  public Provider create() {
    return new LocalProvider(Family.LOCAL);
  }
}
