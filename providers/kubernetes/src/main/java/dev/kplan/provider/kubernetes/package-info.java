/**
 * The Kubernetes provider ({@code kubernetes}): {@code kubernetes_manifest} applied with server-side apply as
 * field manager {@code kplan}, and the data sources {@code kubernetes_resource} and {@code kubernetes_resources}.
 * {@link dev.kplan.provider.kubernetes.Cluster} wraps the fabric8 client (JDK HttpClient, no Netty), its
 * discovery cache and rate limit; {@link dev.kplan.provider.kubernetes.FieldSet} reads managedFields so that
 * only fields kplan owns are compared. See docs/kubernetes.md. Depends on the provider SPI and fabric8 only.
 */
package dev.kplan.provider.kubernetes;
