package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.AuditLog;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code samples/kubernetes} against the sandbox, as its README tells: apply (a CRD and its custom resources among
 * the rest), "No changes.", a second apply that sends no write to the API server (counted in its audit log), six
 * changes made by other field managers each reported with who and when (security-sensitive ones flagged), apply
 * restores them, and "No changes." again; objects made by hand show up as unmanaged.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesSampleIT {
  static final Path SAMPLE = Path.of(System.getProperty("kplan.root.dir", ".."), "samples", "kubernetes");
  static final String PASSWORD = "sample-db-Pa55word";
  static final String STOLEN = "hunter2-changed-by-hand";
  @TempDir Path dir;
  String ns;
  String group;
  Sandbox sandbox;

  @BeforeEach
  void copySample(Sandbox sandbox) throws IOException {
    this.sandbox = sandbox;
    ns = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    group = ns + ".example.com"; // the CRD is cluster-wide: one group per copy of the shop
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".kp.hcl")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  @AfterEach
  void cleanUp(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
    client.apiextensions().v1().customResourceDefinitions().withName("cachepolicies." + group).delete();
  }

  CliRun kplan(String... args) {
    List<String> all = new ArrayList<>(List.of("-chdir=" + dir, "-no-color"));
    all.addAll(List.of(args));
    if (!args[0].equals("show")) {
      all.addAll(List.of("-var", "namespace=" + ns, "-var", "kubeconfig=" + sandbox.env().kubeconfig(),
          "-var", "db_password=" + PASSWORD, "-var", "api_group=" + group));
    }
    CliRun r = CliRun.run(Map.of(), "", all.toArray(String[]::new));
    for (String secret : List.of(PASSWORD, STOLEN, b64(PASSWORD), b64(STOLEN))) {
      assertFalse(r.out().contains(secret) || r.err().contains(secret), "a secret was printed:\n" + r.out() + r.err());
    }
    return r;
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static PatchContext patch(PatchType type, String manager) {
    return new PatchContext.Builder().withPatchType(type).withFieldManager(manager).build();
  }

  @Test
  void sixChangesByOtherManagersAreReportedWithWhoAndWhenThenRestored(KubernetesClient client) throws IOException {
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("Apply complete! Resources: 18 added, 0 changed, 0 destroyed."), apply.out());
    var sessions = client.genericKubernetesResources(group + "/v1", "CachePolicy").inNamespace(ns).withName("sessions");
    assertEquals(Map.of("target", "sessions", "ttlSeconds", 300, "eviction", "lru", "warmUp", false),
        sessions.get().getAdditionalProperties().get("spec"), "the CRD's schema defaults are filled in");
    CliRun clean = kplan("plan", "-detailed-exitcode");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("No changes."), clean.out());
    assertEquals(0, kplan("drift").exitCode());

    AuditLog audit = sandbox.auditLog();
    long mark = audit.mark();
    CliRun idle = kplan("apply", "-auto-approve");
    assertEquals(0, idle.exitCode(), idle.out() + idle.err());
    assertTrue(idle.out().contains("No changes."), idle.out());
    assertEquals(List.of(), audit.writesSince(mark), "an apply without changes writes nothing, not even a dry run");

    var web = client.apps().deployments().inNamespace(ns).withName("web");
    web.patch(patch(PatchType.JSON_MERGE, "kubectl-scale"), "{\"spec\":{\"replicas\":5}}");
    web.patch(patch(PatchType.STRATEGIC_MERGE, "kubectl-set"),
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"ghcr.io/example/shop-web:latest\"}]}}}}");
    client.network().v1().ingresses().inNamespace(ns).withName("web").patch(patch(PatchType.JSON_MERGE, "kubectl-edit"),
        "{\"metadata\":{\"labels\":{\"app.kubernetes.io/part-of\":\"storefront\"}}}");
    client.services().inNamespace(ns).withName("web").patch(patch(PatchType.JSON, "kubectl-patch"),
        "[{\"op\":\"add\",\"path\":\"/spec/ports/-\",\"value\":{\"name\":\"ssh\",\"port\":22,\"targetPort\":22,"
            + "\"protocol\":\"TCP\"}}]");
    client.secrets().inNamespace(ns).withName("db-credentials").patch(patch(PatchType.JSON_MERGE, "kubectl-edit"),
        "{\"data\":{\"password\":\"" + b64(STOLEN) + "\"}}");
    client.configMaps().inNamespace(ns).withName("web-settings").delete();

    Path report = dir.resolve("reports/drift.json");
    CliRun drift = kplan("drift", "-out", report.toString());
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(report));
    Map<String, String> fields = new TreeMap<>(); // "address path" -> "manager classification"
    for (JsonNode d : root.get("drift")) {
      String address = d.get("address").asString();
      if (d.get("cause").asString().equals("deleted")) {
        fields.put(address, "deleted " + d.get("classification"));
        continue;
      }
      for (JsonNode f : d.get("fields")) {
        assertNotNull(f.get("time").asString(), f.toString());
        assertEquals("Update", f.get("operation").asString(), f.toString());
        fields.put(address + " " + f.get("path").asString(), f.get("manager").asString() + " " + f.get("classification"));
      }
    }
    assertEquals(new TreeMap<>(Map.of(
        "kubernetes_manifest.web object.spec.replicas", "kubectl-scale [\"manual\"]",
        "kubernetes_manifest.web object.spec.template.spec.containers[0].image",
        "kubectl-set [\"manual\",\"security-sensitive\"]",
        "kubernetes_manifest.web_ingress object.metadata.labels[\"app.kubernetes.io/part-of\"]",
        "kubectl-edit [\"manual\"]",
        "kubernetes_manifest.web_service object.spec.ports[1]", "kubectl-patch [\"manual\",\"security-sensitive\"]",
        "kubernetes_manifest.db_credentials object.data.password", "kubectl-edit [\"manual\"]",
        "kubernetes_manifest.settings", "deleted [\"deleted\"]")), fields, "exactly the six drifts:\n" + drift.out());
    assertFalse(Files.readString(report).contains(b64(STOLEN)));

    CliRun plan = kplan("plan", "-detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.out() + plan.err());
    String out = plan.out();
    assertTrue(out.contains("Objects have changed outside of kplan"), out);
    assertTrue(out.contains("  # kubernetes_manifest.web has changed [manual change, SECURITY-SENSITIVE]\n"), out);
    assertTrue(out.contains("  # object.spec.replicas: 3 \u2192 5 (kubectl-scale, Update, "), out);
    assertTrue(out.contains("  # object.spec.template.spec.containers[0].image: \"ghcr.io/example/shop-web:2.4.1\""
        + " \u2192 \"ghcr.io/example/shop-web:latest\" (kubectl-set, Update, "), out);
    assertTrue(out.contains("  # object.spec.ports[1]: null \u2192 "), out);
    assertTrue(out.contains("  # object.data.password: (sensitive value) \u2192 (sensitive value) (kubectl-edit,"),
        out);
    assertTrue(out.contains("  # kubernetes_manifest.settings has been deleted"), out);
    assertTrue(out.contains("Plan: 1 to add, 4 to change, 0 to destroy."), out);
    String outside = out.substring(out.indexOf("Objects have changed outside of kplan"),
        out.indexOf("Unless you have made equivalent changes"));
    assertEquals(List.of("kubernetes_manifest.db_credentials has changed", "kubernetes_manifest.settings has been deleted",
            "kubernetes_manifest.web has changed", "kubernetes_manifest.web_ingress has changed",
            "kubernetes_manifest.web_service has changed"),
        outside.lines().filter(l -> l.startsWith("  # kubernetes_manifest."))
            .map(l -> l.substring(4).replaceAll(" \\[.*", "")).sorted().toList(),
        "exactly five objects drifted:\n" + out);
    assertEquals(5, outside.lines().filter(l -> l.startsWith("  # object.")).count(),
        "exactly five changed fields (and the deleted ConfigMap):\n" + out);

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertEquals(3, web.get().getSpec().getReplicas());
    assertEquals("ghcr.io/example/shop-web:2.4.1", web.get().getSpec().getTemplate().getSpec().getContainers().get(0)
        .getImage());
    assertEquals(1, client.services().inNamespace(ns).withName("web").get().getSpec().getPorts().size());
    assertEquals(b64(PASSWORD), client.secrets().inNamespace(ns).withName("db-credentials").get().getData()
        .get("password"));
    assertNotNull(client.configMaps().inNamespace(ns).withName("web-settings").get());
    CliRun again = kplan("plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("No changes."), again.out());
    assertEquals(0, kplan("drift").exitCode());
  }

  @Test
  void objectsMadeByHandAreUnmanagedWhileOwnedOnesAndDefaultsAreNot(KubernetesClient client) {
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("debug").endMetadata()
        .withNewSpec().addNewContainer().withName("sh").withImage("busybox:1.36").endContainer().endSpec().build())
        .create();
    client.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("notes").endMetadata().addToData("todo", "clean up").build()).create();

    CliRun plan = kplan("plan", "-unmanaged=" + ns);
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("Objects not managed by kplan in " + ns + " (2):\n"
        + "  ? kubernetes_manifest v1/ConfigMap/" + ns + "/notes\n"
        + "  ? kubernetes_manifest v1/Pod/" + ns + "/debug\n"), plan.out());
    assertTrue(plan.err().contains("Unhealthy workload"), "the db claim has no storage in the sandbox:\n" + plan.err());
  }
}
