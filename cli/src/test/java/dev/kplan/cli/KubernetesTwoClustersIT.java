package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.AuditLog;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One configuration, two clusters: two aliases of the {@code kubernetes} provider (one picks a context of the
 * shared kubeconfig, the other a kubeconfig of its own) manage a ConfigMap of the same name and namespace in each
 * sandbox cluster. Drift made in the second cluster is reported for the resource and provider of that cluster only,
 * and applying writes to that cluster only.
 */
@KplanSandbox({SandboxService.KUBERNETES, SandboxService.SECOND_KUBERNETES})
class KubernetesTwoClustersIT {
  @TempDir Path dir;
  String name;
  Sandbox sandbox;

  @BeforeEach
  void write(Sandbox sandbox) throws IOException {
    this.sandbox = sandbox;
    name = "two-clusters-" + UUID.randomUUID().toString().substring(0, 8);
    // the second cluster has no controllers: objects in its `default` namespace, no namespace of their own
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          alias          = "one"
          config_path    = "%s"
          config_context = "kplan-sandbox"
        }
        provider "kubernetes" {
          alias       = "two"
          config_path = "%s"
        }
        resource "kubernetes_manifest" "settings_one" {
          provider = kubernetes.one
          manifest = {
            apiVersion = "v1", kind = "ConfigMap"
            metadata   = { name = "%s", namespace = "default" }
            data       = { cluster = "one", mode = "fast" }
          }
        }
        resource "kubernetes_manifest" "settings_two" {
          provider = kubernetes.two
          manifest = {
            apiVersion = "v1", kind = "ConfigMap"
            metadata   = { name = "%s", namespace = "default" }
            data       = { cluster = "two", mode = "fast" }
          }
        }
        """.formatted(sandbox.env().kubeconfig(), sandbox.env().secondKubeconfig(), name, name));
  }

  @AfterEach
  void cleanUp(KubernetesClient one) {
    one.configMaps().inNamespace("default").withName(name).delete();
    sandbox.secondKubernetesClient().configMaps().inNamespace("default").withName(name).delete();
  }

  @Test
  void driftInTheSecondClusterIsReportedForItsResourceAndProviderAndRestoredThereOnly(KubernetesClient one)
      throws IOException {
    KubernetesClient two = sandbox.secondKubernetesClient();
    CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("Resources: 2 added, 0 changed, 0 destroyed."), apply.out());
    assertEquals(Map.of("cluster", "one", "mode", "fast"),
        one.configMaps().inNamespace("default").withName(name).get().getData());
    assertEquals(Map.of("cluster", "two", "mode", "fast"),
        two.configMaps().inNamespace("default").withName(name).get().getData());
    CliRun clean = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("No changes."), clean.out());

    two.configMaps().inNamespace("default").withName(name).patch(
        new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit").build(),
        "{\"data\":{\"mode\":\"slow\"}}");

    Path report = dir.resolve("drift.json");
    CliRun drift = CliRun.in(dir, "drift", "-out", report.toString());
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    JsonNode objects = JsonMapper.builder().build().readTree(Files.readString(report)).get("drift");
    assertEquals(1, objects.size(), objects.toString());
    JsonNode d = objects.get(0);
    assertEquals("kubernetes_manifest.settings_two", d.get("address").asString());
    assertEquals("provider.kubernetes.two", d.get("provider").asString());
    assertEquals(1, d.get("fields").size(), d.toString());
    JsonNode field = d.get("fields").get(0);
    assertEquals("object.data.mode", field.get("path").asString());
    assertEquals("fast", field.get("old").asString());
    assertEquals("slow", field.get("new").asString());
    assertEquals("kubectl-edit", field.get("manager").asString());

    CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("  # kubernetes_manifest.settings_two has changed [manual change]\n"), plan.out());
    assertTrue(plan.out().contains("  # object.data.mode: \"fast\" \u2192 \"slow\" (kubectl-edit, Update, "),
        plan.out());
    assertFalse(plan.out().contains("kubernetes_manifest.settings_one has changed"), plan.out());
    assertFalse(plan.out().contains("# kubernetes_manifest.settings_one will be"), plan.out());
    assertTrue(plan.out().contains("# kubernetes_manifest.settings_two will be updated in-place"), plan.out());
    assertTrue(plan.out().contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan.out());

    AuditLog auditOne = sandbox.auditLog();
    AuditLog auditTwo = sandbox.secondAuditLog();
    long markOne = auditOne.mark();
    long markTwo = auditTwo.mark();
    CliRun fix = CliRun.in(dir, "apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertEquals(List.of(), auditOne.writesSince(markOne), "the first cluster is not written to");
    List<AuditLog.Event> writesTwo = auditTwo.writesSince(markTwo).stream().filter(e -> !e.dryRun()).toList();
    assertEquals(List.of("patch configmaps " + name), writesTwo.stream()
        .map(e -> e.verb() + " " + e.resource() + " " + e.name()).toList(), writesTwo.toString());
    assertEquals("fast", two.configMaps().inNamespace("default").withName(name).get().getData().get("mode"));
    CliRun again = CliRun.in(dir, "plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("No changes."), again.out());

    CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    assertEquals(null, one.configMaps().inNamespace("default").withName(name).get());
    assertEquals(null, two.configMaps().inNamespace("default").withName(name).get());
  }
}
