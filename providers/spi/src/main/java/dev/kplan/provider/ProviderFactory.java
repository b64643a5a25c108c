package dev.kplan.provider;

/**
 * The service a provider module registers in {@code META-INF/services/dev.kplan.provider.ProviderFactory}.
 * {@link #name()} is the name configurations use ({@code provider "kubernetes" {…}}, resource type
 * prefix {@code kubernetes_}).
 */
public interface ProviderFactory {
  String name();

  /** A fresh, unconfigured provider instance (one per {@code provider} block and alias). */
  Provider create();
}
