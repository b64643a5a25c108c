package dev.kplan.provider.local;

import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;

/** Provider {@code kplan}: the {@code kplan_…} types of this module. */
public final class KplanProviderFactory implements ProviderFactory {
  @Override
  public String name() {
    return "kplan";
  }

  @Override
  public Provider create() {
    return new LocalProvider(Family.KPLAN);
  }
}
