package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user sees when the server refuses an in-place change: a changed immutable field is planned as a
 * replacement ({@code -/+}) with the server's reason and applied as one; a field that another manager owns makes
 * the plan fail with a diagnostic that names that manager and how to take the field over.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesReplaceAndConflictIT {
  @TempDir Path dir;
  String ns;
  Sandbox sandbox;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    ns = "rc-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
  }

  void write(String jobLabel, String extra) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          config_path = "%1$s"
        }
        resource "kubernetes_manifest" "ns" {
          manifest = { apiVersion = "v1", kind = "Namespace", metadata = { name = "%2$s" } }
        }
        resource "kubernetes_manifest" "web" {
          manifest = {
            apiVersion = "apps/v1"
            kind       = "Deployment"
            metadata   = { name = "web", namespace = kubernetes_manifest.ns.manifest.metadata.name }
            spec = {
              replicas = 1
              selector = { matchLabels = { app = "web", generation = "%3$s" } }
              template = {
                metadata = { labels = { app = "web", generation = "%3$s" } }
                spec     = { containers = [{ name = "web", image = "kplan-demo/web:1.0" }] }
              }
            }
          }
        }
        resource "kubernetes_manifest" "settings" {
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata   = { name = "settings", namespace = kubernetes_manifest.ns.manifest.metadata.name }
            data       = { color = "blue"%4$s }
          }
        }
        """.formatted(sandbox.env().kubeconfig(), ns, jobLabel, extra));
  }

  @Test
  void aChangedImmutableSelectorIsPlannedAndAppliedAsAReplacementWithTheServersReason(KubernetesClient client)
      throws IOException {
    write("one", "");
    CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    String uid = client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid();

    write("two", "");
    CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("  # kubernetes_manifest.web must be replaced\n"), plan.out());
    assertTrue(plan.out().contains("-/+ resource \"kubernetes_manifest\" \"web\""), plan.out());
    assertTrue(plan.out().contains("# forces replacement"), plan.out());
    assertTrue(plan.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan.out());
    assertTrue(plan.err().contains("immutable"), "the server's reason is shown:\n" + plan.err());

    CliRun replace = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, replace.exitCode(), replace.out() + replace.err());
    var web = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertNotEquals(uid, web.getMetadata().getUid(), "a new object");
    assertEquals("two", web.getSpec().getSelector().getMatchLabels().get("generation"));
    CliRun clean = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
  }

  @Test
  void aFieldOwnedByAnotherManagerFailsThePlanNamingThatManagerAndHowToTakeItOver(KubernetesClient client)
      throws IOException {
    write("one", "");
    CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    client.configMaps().inNamespace(ns).withName("settings").patch(new PatchContext.Builder()
        .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("helm").build(),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"},\"data\":{\"size\":\"L\"}}");

    write("one", ", size = \"S\"");
    CliRun plan = CliRun.in(dir, "plan");
    assertEquals(1, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.err().contains("Field manager conflict on"), plan.err());
    assertTrue(plan.err().contains("\"helm\"") && plan.err().contains(".data.size"), plan.err());
    assertTrue(plan.err().contains("force_conflicts = true"), plan.err());
    assertEquals("L", client.configMaps().inNamespace(ns).withName("settings").get().getData().get("size"));
  }
}
