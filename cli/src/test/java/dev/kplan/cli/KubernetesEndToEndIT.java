package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kplan} against the sandbox's Kubernetes, end to end: apply, no-change plans, drift, restore, destroy. */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesEndToEndIT {
  static final String SECRET = "hunter2-sEcReT";
  @TempDir Path dir;
  String ns;
  Sandbox sandbox;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    ns = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
  }

  String config(String configMapData) {
    return """
        provider "kubernetes" {
          config_path = "%s"
        }
        resource "kubernetes_manifest" "ns" {
          manifest = { apiVersion = "v1", kind = "Namespace", metadata = { name = "%s" } }
        }
        resource "kubernetes_manifest" "settings" {
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata   = { name = "settings", namespace = kubernetes_manifest.ns.manifest.metadata.name }
            data       = %s
          }
        }
        resource "kubernetes_manifest" "creds" {
          manifest = {
            apiVersion = "v1"
            kind       = "Secret"
            metadata   = { name = "creds", namespace = kubernetes_manifest.ns.manifest.metadata.name }
            stringData = { password = "%s" }
          }
        }
        resource "kubernetes_manifest" "web" {
          manifest = {
            apiVersion = "apps/v1"
            kind       = "Deployment"
            metadata   = { name = "web", namespace = kubernetes_manifest.ns.manifest.metadata.name }
            spec = {
              replicas = 2
              selector = { matchLabels = { app = "web" } }
              template = {
                metadata = { labels = { app = "web" } }
                spec     = { containers = [{ name = "web", image = "kplan-demo/web:1.0" }] }
              }
            }
          }
        }
        """.formatted(sandbox.env().kubeconfig(), ns, configMapData, SECRET);
  }

  CliRun kplan(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    CliRun r = CliRun.run(Map.of(), "", all);
    assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), "the secret was printed:\n" + r.out() + r.err());
    return r;
  }

  @Test
  void applyThenNoChangesThenDriftByAnotherManagerIsShownFixedAndGone(KubernetesClient client) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), config("{ color = \"blue\", size = \"m\" }"));
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertEquals(2, client.apps().deployments().inNamespace(ns).withName("web").get().getStatus().getAvailableReplicas(),
        "apply waited for the rollout");

    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());

    client.apps().deployments().inNamespace(ns).withName("web").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-scale").build(), "{\"spec\":{\"replicas\":5}}");
    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    assertTrue(drift.out().contains("Objects have changed outside of kplan"), drift.out());
    assertTrue(drift.out().contains("kubectl-scale"), "the drift names who changed it:\n" + drift.out());
    assertTrue(drift.out().contains("kubernetes_manifest.web will be updated in-place"), drift.out());
    assertTrue(drift.out().contains("5 -> 2"), drift.out());
    assertFalse(drift.out().contains("revisionHistoryLimit"), "server defaults are not changes:\n" + drift.out());
    assertFalse(drift.out().contains("kubernetes_manifest.settings"), drift.out());

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertEquals(2, client.apps().deployments().inNamespace(ns).withName("web").get().getSpec().getReplicas());
    CliRun again = kplan("plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("No changes."), again.out());
  }

  @Test
  void aKeyRemovedFromConfigurationIsRemovedLiveAndDestroyDeletesEverything(KubernetesClient client)
      throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), config("{ color = \"blue\", size = \"m\" }"));
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());

    Files.writeString(dir.resolve("main.kp.hcl"), config("{ color = \"blue\" }"));
    CliRun plan = kplan("plan");
    assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.out());
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertEquals(Map.of("color", "blue"), client.configMaps().inNamespace(ns).withName("settings").get().getData());
    assertTrue(kplan("plan").out().contains("No changes."));

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    client.namespaces().withName(ns).waitUntilCondition(n -> n == null, 60, TimeUnit.SECONDS);
    assertNull(client.namespaces().withName(ns).get(), "destroy waited until the namespace was gone");
  }

  @Test
  void aRemovedBuiltInApiVersionIsAnErrorAtPlanTimeAndServerWarningsAreShown() throws IOException {
    String provider = "provider \"kubernetes\" {\n  config_path = \"" + sandbox.env().kubeconfig() + "\"\n}\n";
    Files.writeString(dir.resolve("main.kp.hcl"), provider + """
        resource "kubernetes_manifest" "ingress" {
          manifest = {
            apiVersion = "extensions/v1beta1"
            kind       = "Ingress"
            metadata   = { name = "old", namespace = "default" }
            spec       = { backend = { serviceName = "web", servicePort = 80 } }
          }
        }
        """);
    CliRun removed = kplan("plan");
    assertEquals(1, removed.exitCode(), removed.out() + removed.err());
    assertTrue(removed.err().contains("API version not served"), removed.err());
    assertTrue(removed.err().contains("Ingress in \"extensions/v1beta1\""), removed.err());

    String deprecated = provider + """
        resource "kubernetes_manifest" "ns" {
          manifest = { apiVersion = "v1", kind = "Namespace", metadata = { name = "%s" } }
        }
        resource "kubernetes_manifest" "ingress" {
          manifest = {
            apiVersion = "networking.k8s.io/v1"
            kind       = "Ingress"
            metadata = {
              name        = "web"
              namespace   = kubernetes_manifest.ns.manifest.metadata.name
              annotations = { "kubernetes.io/ingress.class" = "nginx" }
            }
            spec = { defaultBackend = { service = { name = "web", port = { number = 80 } } } }
          }
        }
        """;
    Files.writeString(dir.resolve("main.kp.hcl"), deprecated.formatted(ns));
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.err().contains("Warning: Kubernetes API warning"), apply.err());
    assertTrue(apply.err().contains("annotation \"kubernetes.io/ingress.class\" is deprecated"), apply.err());

    // the warning comes with the request that caused it: an unchanged object costs no request, so no warning
    CliRun plan = kplan("plan");
    assertTrue(plan.out().contains("No changes."), plan.out());
    assertFalse(plan.err().contains("Kubernetes API warning"), plan.err());
  }

  @Test
  void anUnreachableClusterIsOneDiagnosticNamingTheHost() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          host  = "https://127.0.0.1:1"
          token = "x"
        }
        resource "kubernetes_manifest" "cm" {
          manifest = { apiVersion = "v1", kind = "ConfigMap", metadata = { name = "x" } }
        }
        """);
    CliRun plan = kplan("plan");
    assertEquals(1, plan.exitCode());
    assertTrue(plan.err().contains("Kubernetes cluster unreachable"), plan.err());
    assertTrue(plan.err().contains("https://127.0.0.1:1"), plan.err());
    assertFalse(plan.err().contains("\tat "), "no stack trace:\n" + plan.err());
  }
}
