/**
 * Test support: hands integration tests clients for the real services that {@code scripts/sandbox} starts on
 * loopback (kube-apiserver with kwok nodes, moto, PostgreSQL).
 *
 * <p>Tests annotate their class with {@link dev.kplan.testkit.KplanSandbox} and take a {@link dev.kplan.testkit.Sandbox}
 * (or a fabric8 {@code KubernetesClient}) as a parameter. Everything is read from {@code .kplan-sandbox/env} at the
 * project root; nothing here starts or stops services. This package must not import kplan's own modules, so that
 * every module can use it in test scope.
 */
package dev.kplan.testkit;
