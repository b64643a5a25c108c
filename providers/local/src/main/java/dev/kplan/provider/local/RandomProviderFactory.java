package dev.kplan.provider.local;

import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;

/** Provider {@code random}: the {@code random_…} types of this module. */
public final class RandomProviderFactory implements ProviderFactory {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public Provider create() {
    return new LocalProvider(Family.RANDOM);
  }
}
