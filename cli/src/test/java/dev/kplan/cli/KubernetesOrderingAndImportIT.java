package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
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

/**
 * {@code kplan} against the sandbox's Kubernetes: what Kubernetes needs first without references (namespaces,
 * CRDs), a CRD and its custom resources in one apply, and adopting running objects with import blocks and
 * {@code plan -generate-config-out}.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesOrderingAndImportIT {
  @TempDir Path dir;
  String ns;
  String group;
  Sandbox sandbox;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    ns = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    group = "g" + UUID.randomUUID().toString().substring(0, 6) + ".kplan.dev";
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
    client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete();
  }

  CliRun kplan(String... args) {
    return CliRun.in(Map.of(), "", dir, args);
  }

  /** Objects listed in the order that would fail: users first, the namespace and the CRD last. */
  String yaml() {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: %1$s
        data:
          color: blue
        ---
        apiVersion: %2$s/v1
        kind: Widget
        metadata:
          name: first
          namespace: %1$s
        spec:
          name: first
        ---
        apiVersion: %2$s/v1
        kind: Widget
        metadata:
          name: second
          namespace: %1$s
        spec:
          size: 5
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.%2$s
        spec:
          group: %2$s
          scope: Namespaced
          names: { plural: widgets, singular: widget, kind: Widget }
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: { type: integer, default: 3 }
                        name: { type: string }
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
        """.formatted(ns, group);
  }

  @Test
  void namespacesAndCrdsFromOneFileComeFirstTheirCustomResourcesApplyInTheSameRunAndDestroyRunsInReverse(
      KubernetesClient client) throws IOException {
    Files.writeString(dir.resolve("all.yaml"), yaml());
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          config_path = "%s"
        }
        locals {
          docs = [for d in split("\\n---\\n", file("all.yaml")) : yamldecode(d)]
        }
        resource "kubernetes_manifest" "all" {
          for_each = { for d in local.docs : "${d.kind}/${d.metadata.name}" => d }
          manifest = each.value
        }
        """.formatted(sandbox.env().kubeconfig()));

    CliRun plan = kplan("plan");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("Plan: 5 to add, 0 to change, 0 to destroy."), plan.out());

    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    String out = apply.out();
    int nsDone = out.indexOf("kubernetes_manifest.all[\"Namespace/" + ns + "\"]: Creation complete");
    int crdDone = out.indexOf("kubernetes_manifest.all[\"CustomResourceDefinition/widgets." + group
        + "\"]: Creation complete");
    assertTrue(nsDone >= 0 && crdDone >= 0, out);
    assertTrue(nsDone < out.indexOf("kubernetes_manifest.all[\"ConfigMap/settings\"]: Creating..."), out);
    assertTrue(nsDone < out.indexOf("kubernetes_manifest.all[\"Widget/first\"]: Creating..."), out);
    assertTrue(crdDone < out.indexOf("kubernetes_manifest.all[\"Widget/first\"]: Creating..."), out);
    assertTrue(crdDone < out.indexOf("kubernetes_manifest.all[\"Widget/second\"]: Creating..."), out);
    Object size = ((Map<?, ?>) client.genericKubernetesResources(group + "/v1", "Widget").inNamespace(ns)
        .withName("first").get().getAdditionalProperties().get("spec")).get("size");
    assertEquals(3, ((Number) size).intValue(), "the CRD's schema default");

    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());

    CliRun second = kplan("apply", "-auto-approve");
    assertEquals(0, second.exitCode(), second.out() + second.err());
    assertTrue(second.out().contains("0 added, 0 changed, 0 destroyed"), second.out());

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    String gone = destroy.out();
    int nsDestroyed = gone.indexOf("kubernetes_manifest.all[\"Namespace/" + ns + "\"]: Destroying...");
    int crdDestroyed = gone.indexOf("kubernetes_manifest.all[\"CustomResourceDefinition/widgets." + group
        + "\"]: Destroying...");
    assertTrue(gone.indexOf("kubernetes_manifest.all[\"Widget/first\"]: Destruction complete") < crdDestroyed, gone);
    assertTrue(gone.indexOf("kubernetes_manifest.all[\"ConfigMap/settings\"]: Destruction complete") < nsDestroyed,
        gone);
    assertNull(client.namespaces().withName(ns).get());
    assertNull(client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get());
  }

  @Test
  void importBlocksWithGeneratedConfigurationAdoptRunningObjectsThatThenPlanNoChanges(KubernetesClient client)
      throws IOException {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").addToLabels("app", "web").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("kplan-demo/web:1.0").addNewPort()
        .withContainerPort(8080).endPort().endContainer().endSpec().endTemplate().endSpec().build()).create();
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("color", "blue").build()).create();
    client.apps().deployments().inNamespace(ns).withName("web").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-label").build(),
        "{\"metadata\":{\"labels\":{\"team\":\"web\"}}}");
    client.apps().deployments().inNamespace(ns).withName("web")
        .waitUntilCondition(d -> d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getAvailableReplicas()),
            120, TimeUnit.SECONDS);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          config_path = "%s"
        }
        import {
          to = kubernetes_manifest.web
          id = "apps/v1/Deployment/%s/web"
        }
        import {
          to = kubernetes_manifest.settings
          id = "v1/ConfigMap/%s/settings"
        }
        import {
          to = kubernetes_manifest.ns
          id = "v1/Namespace/%s"
        }
        """.formatted(sandbox.env().kubeconfig(), ns, ns, ns));

    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("stray")
        .endMetadata().addToData("made", "by hand").build()).create();
    CliRun plan = kplan("plan", "-generate-config-out=generated.kp.hcl", "-unmanaged=" + ns);
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
    // the scan runs against the plan with the generated configuration: the imported objects are managed
    assertTrue(plan.out().contains("Objects not managed by kplan in " + ns + " (1):"), plan.out());
    assertTrue(plan.out().contains("v1/ConfigMap/" + ns + "/stray"), plan.out());
    String generated = Files.readString(dir.resolve("generated.kp.hcl")).replaceAll(" +=", " =");
    for (String person : new String[] {"resource \"kubernetes_manifest\" \"web\"", "image = \"kplan-demo/web:1.0\"",
        "replicas = 2", "containerPort = 8080", "team = \"web\"", "color = \"blue\"",
        "resource \"kubernetes_manifest\" \"ns\""}) {
      assertTrue(generated.contains(person), person + " is missing from:\n" + generated);
    }
    for (String server : new String[] {"managedFields", "uid", "resourceVersion", "creationTimestamp", "status",
        "revisionHistoryLimit", "terminationMessagePath", "imagePullPolicy", "dnsPolicy", "protocol",
        "deployment.kubernetes.io/revision", "finalizers", "kubernetes.io/metadata.name"}) {
      assertFalse(generated.contains(server), server + " should not be generated:\n" + generated);
    }

    CliRun again = kplan("plan", "-generate-config-out=generated.kp.hcl");
    assertEquals(0, again.exitCode(), "with configuration for every import target nothing is generated:\n"
        + again.out() + again.err());

    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("3 imported, 0 added, 0 changed, 0 destroyed"), apply.out());
    CliRun after = kplan("plan", "-detailed-exitcode");
    assertEquals(0, after.exitCode(), after.out() + after.err());
    assertTrue(after.out().contains("No changes."), after.out());

    client.apps().deployments().inNamespace(ns).withName("web").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-scale").build(), "{\"spec\":{\"replicas\":4}}");
    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    assertTrue(drift.out().contains("kubectl-scale") && drift.out().contains("4 -> 2"),
        "an adopted object's fields are kplan's from then on:\n" + drift.out());
  }

  @Test
  void theImportCommandAdoptsAConfiguredObjectThatThenPlansNoChanges(KubernetesClient client) throws IOException {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .addToLabels("team", "web").endMetadata().addToData("color", "blue").build()).create();
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          config_path = "%s"
        }
        resource "kubernetes_manifest" "settings" {
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata   = { name = "settings", namespace = "%s", labels = { team = "web" } }
            data       = { color = "blue" }
          }
        }
        """.formatted(sandbox.env().kubeconfig(), ns));

    CliRun imported = kplan("import", "kubernetes_manifest.settings", "v1/ConfigMap/" + ns + "/settings");
    assertEquals(0, imported.exitCode(), imported.out() + imported.err());
    CliRun plan = kplan("plan", "-detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("No changes."), plan.out());
  }

  @Test
  void anImportedSecretsValuesStayOutOfTheGeneratedFileThePlansTheStateAndJson(KubernetesClient client)
      throws IOException {
    String secret = "imported-Pa55-" + UUID.randomUUID().toString().substring(0, 6);
    String b64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    client.secrets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
        .withName("creds").endMetadata().addToData("password", b64).build()).create();
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "kubernetes" {
          config_path = "%s"
        }
        import {
          to = kubernetes_manifest.creds
          id = "v1/Secret/%s/creds"
        }
        """.formatted(sandbox.env().kubeconfig(), ns));
    java.util.function.Function<String[], CliRun> run = args -> {
      CliRun r = kplan(args);
      assertFalse((r.out() + r.err()).contains(secret) || (r.out() + r.err()).contains(b64),
          "a secret was printed by " + String.join(" ", args) + ":\n" + r.out() + r.err());
      return r;
    };

    CliRun plan = run.apply(new String[] {"plan", "-generate-config-out=generated.kp.hcl"});
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
    assertTrue(plan.err().contains("Sensitive values kept out of generated configuration"), plan.err());
    String generated = Files.readString(dir.resolve("generated.kp.hcl"));
    assertFalse(generated.contains(secret) || generated.contains(b64), generated);
    String flat = generated.replaceAll(" +=", " =");
    assertTrue(flat.contains("variable \"creds_manifest_data\" {\n  type = any\n  sensitive = true\n"), flat);
    assertTrue(flat.contains("data = var.creds_manifest_data\n"), flat);

    CliRun unset = run.apply(new String[] {"plan"});
    assertEquals(1, unset.exitCode(), "later runs need the value:\n" + unset.out() + unset.err());
    assertTrue(unset.err().contains("No value for required variable"), unset.err());
    String value = "creds_manifest_data={ password = \"" + b64 + "\" }";
    CliRun apply = run.apply(new String[] {"apply", "-auto-approve", "-var", value});
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("1 imported, 0 added, 0 changed, 0 destroyed"), apply.out());
    CliRun clean = run.apply(new String[] {"plan", "-detailed-exitcode", "-var", value});
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("No changes."), clean.out());

    CliRun stateShow = run.apply(new String[] {"state", "show", "kubernetes_manifest.creds"});
    assertEquals(0, stateShow.exitCode(), stateShow.out() + stateShow.err());
    assertTrue(stateShow.out().contains("(sensitive value)"), stateShow.out());
    CliRun showJson = run.apply(new String[] {"show", "-json"});
    assertEquals(0, showJson.exitCode(), showJson.out() + showJson.err());

    client.secrets().inNamespace(ns).withName("creds").patch(new PatchContext.Builder()
        .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit").build(),
        "{\"data\":{\"password\":\"" + java.util.Base64.getEncoder().encodeToString("changed".getBytes()) + "\"}}");
    CliRun drift = run.apply(new String[] {"drift", "-json", "-var", value});
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    assertTrue(drift.out().contains("\"sensitive\" : true"), drift.out());
    CliRun planJson = run.apply(new String[] {"plan", "-json", "-var", value});
    assertEquals(0, planJson.exitCode(), planJson.out() + planJson.err());
    assertFalse(planJson.out().contains("Y2hhbmdlZA=="), "the drifted value is sensitive too:\n" + planJson.out());
    CliRun restore = run.apply(new String[] {"apply", "-auto-approve", "-var", value});
    assertEquals(0, restore.exitCode(), restore.out() + restore.err());
    assertEquals(b64, client.secrets().inNamespace(ns).withName("creds").get().getData().get("password"));
  }
}
