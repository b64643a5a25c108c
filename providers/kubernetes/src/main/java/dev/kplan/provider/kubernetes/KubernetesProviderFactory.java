package dev.kplan.provider.kubernetes;

import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;

/** Provider {@code kubernetes}: {@code kubernetes_manifest} and the {@code kubernetes_resource(s)} data sources. */
public final class KubernetesProviderFactory implements ProviderFactory {
  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public Provider create() {
    return new KubernetesProvider(ClientCustomizer.NONE);
  }
}
