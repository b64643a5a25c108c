/** Kubernetes resources through server-side apply. Depends on the provider SPI and fabric8 only. */
package dev.kplan.provider.kubernetes;
