package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.kplan.provider.kubernetes.TestingManifests.at;
import static dev.kplan.provider.kubernetes.TestingManifests.config;
import static dev.kplan.provider.kubernetes.TestingManifests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubernetes_manifest against the sandbox's real kube-apiserver, driven through the provider SPI. */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesProviderIT {
  private static String ns;

  @BeforeAll
  static void createNamespace(KubernetesClient client) {
    ns = "kp-" + UUID.randomUUID().toString().substring(0, 8);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
  }

  @AfterAll
  static void deleteNamespace(KubernetesClient client) {
    client.namespaces().withName(ns).delete();
  }

  private static String configMap(String name, String data) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\""
        + ns + "\"},\"data\":" + data + "}";
  }

  private static String deployment(String name, int replicas, String image) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + ns + "\",\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"replicas\":" + replicas
        + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\""
        + name + "\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"" + image + "\"}]}}}}";
  }

  @Test
  void refreshListsOncePerKindAndNamespaceAndPlansUnchangedObjectsWithoutRequests(Sandbox sandbox) {
    TestingRequests requests = new TestingRequests();
    Map<String, TestingManifests.Stored> stored = new LinkedHashMap<>();
    Map<String, ObjectValue> configs = new LinkedHashMap<>();
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      for (int i = 0; i < 4; i++) {
        configs.put("cm" + i, config(configMap("batch-" + i, "{\"k\":\"v" + i + "\"}")));
      }
      configs.put("web", config(deployment("batch-web", 1, "kplan-demo/web:1.0")));
      configs.forEach((k, c) -> stored.put(k, create(p, c)));
    }
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      requests.clear();
      ReadResult r = TestingManifests.read(p, stored);

      assertTrue(r.diagnostics().items().isEmpty(), r.diagnostics().toString());
      List<String> lists = requests.all().stream().filter(s -> s.startsWith("GET ") && s.contains("/namespaces/" + ns
          + "/")).sorted().toList(); // the groups are listed in parallel
      assertEquals(List.of("GET /api/v1/namespaces/" + ns + "/configmaps",
          "GET /apis/apps/v1/namespaces/" + ns + "/deployments"), lists, "one LIST per kind and namespace");
      for (ReadResult.Instance i : r.instances()) {
        TestingManifests.Stored s = stored.get(i.address());
        assertEquals(s.state(), i.liveState(), "no drift for " + i.address());
        requests.clear();
        PlanResult plan = TestingManifests.plan(p, new TestingManifests.Stored(i.liveState(), i.privateData()),
            configs.get(i.address()));
        assertEquals(s.state(), plan.plannedState(), "unchanged: " + i.address());
        assertEquals(List.of(), requests.all(), "planning an unchanged object sends no request");
      }
    }
  }

  @Test
  void serverDefaultsStayOutOfTheObjectAndDriftByAnotherManagerIsPlannedBackAndRestored(Sandbox sandbox,
      KubernetesClient client) {
    TestingRequests requests = new TestingRequests();
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      ObjectValue cfg = config(deployment("drift", 2, "kplan-demo/web:1.0"));
      TestingManifests.Stored s = create(p, cfg);
      Value object = at(s.state(), "object");
      assertEquals(Value.number(2), at(object, "spec", "replicas"));
      assertTrue(at(object, "spec", "strategy").isNull(), "server default strategy is not kplan's: " + object);
      assertTrue(at(object, "status").isNull(), "status is not kplan's");

      client.apps().deployments().inNamespace(ns).withName("drift").patch(new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-edit").build(), "{\"spec\":{\"replicas\":5}}");
      ReadResult r = TestingManifests.read(p, Map.of("web", s));
      ReadResult.Instance live = r.instances().get(0);
      assertEquals(Value.number(5), at(live.liveState(), "object", "spec", "replicas"));
      Attribution who = live.attributions().get(0);
      assertEquals(Path.ROOT.attr("object").attr("spec").attr("replicas"), who.path());
      assertEquals("kubectl-edit", who.manager());
      assertEquals("Update", who.operation());

      TestingManifests.Stored refreshed = new TestingManifests.Stored(live.liveState(), live.privateData());
      PlanResult plan = TestingManifests.plan(p, refreshed, cfg);
      assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
      assertEquals(Value.number(2), at(plan.plannedState(), "object", "spec", "replicas"), "the plan restores it");
      assertEquals(at(s.state(), "object"), at(plan.plannedState(), "object"), "and changes nothing else");

      ApplyResult applied = TestingManifests.apply(p, refreshed, cfg);
      assertFalse(applied.diagnostics().hasErrors(), applied.diagnostics().toString());
      assertEquals(2, client.apps().deployments().inNamespace(ns).withName("drift").get().getSpec().getReplicas());
      TestingManifests.Stored after = new TestingManifests.Stored(applied.newState(), applied.privateData());
      assertEquals(after.state(), TestingManifests.read(p, Map.of("web", after)).instances().get(0).liveState());
    }
  }

  @Test
  void aKeyRemovedFromTheConfigurationIsRemovedLive(Sandbox sandbox, KubernetesClient client) {
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      TestingManifests.Stored s = create(p, config(configMap("shrink", "{\"a\":\"1\",\"b\":\"2\"}")));
      ObjectValue smaller = config(configMap("shrink", "{\"a\":\"1\"}"));

      PlanResult plan = TestingManifests.plan(p, s, smaller);
      assertEquals(Value.object(Map.of("a", Value.string("1"))), at(plan.plannedState(), "object", "data"));
      ApplyResult applied = TestingManifests.apply(p, s, smaller);

      assertFalse(applied.diagnostics().hasErrors(), applied.diagnostics().toString());
      assertEquals(Map.of("a", "1"), client.configMaps().inNamespace(ns).withName("shrink").get().getData());
    }
  }

  @Test
  void aChangedImmutableFieldIsPlannedAsReplaceWithTheServersReason(Sandbox sandbox) {
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      TestingManifests.Stored s = create(p, config(deployment("immutable", 1, "kplan-demo/web:1.0")));
      String changed = deployment("immutable", 1, "kplan-demo/web:1.0")
          .replace("\"matchLabels\":{\"app\":\"immutable\"}", "\"matchLabels\":{\"app\":\"immutable\",\"v\":\"2\"}")
          .replace("\"labels\":{\"app\":\"immutable\"}},\"spec\":{\"containers\"",
              "\"labels\":{\"app\":\"immutable\",\"v\":\"2\"}},\"spec\":{\"containers\"");

      PlanResult plan = TestingManifests.plan(p, s, config(changed));

      assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
      assertEquals(List.of(Path.ROOT.attr("manifest").attr("spec").attr("selector")), plan.requiresReplace());
      assertTrue(plan.diagnostics().items().get(0).summary().contains("immutable"),
          plan.diagnostics().items().get(0).summary());
    }
  }

  @Test
  void aConflictWithAnotherManagerNamesItAndForceConflicts(Sandbox sandbox, KubernetesClient client) {
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      TestingManifests.Stored s = create(p, config(configMap("contested", "{\"a\":\"1\"}")));
      client.configMaps().inNamespace(ns).withName("contested").patch(new PatchContext.Builder()
          .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("helm").build(),
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"contested\"},\"data\":{\"b\":\"theirs\"}}");

      PlanResult plan = TestingManifests.plan(p, s, config(configMap("contested", "{\"a\":\"1\",\"b\":\"mine\"}")));

      assertTrue(plan.diagnostics().hasErrors());
      Diagnostic d = plan.diagnostics().items().get(0);
      assertTrue(d.detail().contains("\"helm\"") && d.detail().contains(".data.b"), d.detail());
      assertTrue(d.detail().contains("force_conflicts = true"), d.detail());
    }
  }

  @Test
  void aSecretsValuesAreSensitiveInManifestAndObject(Sandbox sandbox) {
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      ObjectValue cfg = config("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"creds\",\"namespace\":\""
          + ns + "\"},\"data\":{\"password\":\"aHVudGVyMg==\"}}");
      PlanResult plan = TestingManifests.plan(p, null, cfg);
      assertEquals(List.of(Path.ROOT.attr("manifest").attr("data")), plan.sensitivePaths());
      ApplyResult applied = TestingManifests.apply(p, null, cfg);
      assertEquals(List.of(Path.ROOT.attr("manifest").attr("data"), Path.ROOT.attr("object").attr("data")),
          applied.sensitivePaths());
    }
  }

  @Test
  void anUnreachableClusterIsADiagnosticNamingTheHost() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (KubernetesProvider p = new KubernetesProvider(ClientCustomizer.NONE)) {
      var d = p.configure(new ConfigureRequest(ProviderSettings.config(Map.of(
          "host", Value.string("https://127.0.0.1:" + port), "token", Value.string("x"))))).diagnostics();

      assertTrue(d.hasErrors());
      assertEquals("Kubernetes cluster unreachable", d.items().get(0).summary());
      assertTrue(d.items().get(0).detail().contains("https://127.0.0.1:" + port), d.items().get(0).detail());
    }
  }

  @Test
  void anObjectDeletedOutsideKplanIsGone(Sandbox sandbox, KubernetesClient client) {
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      TestingManifests.Stored s = create(p, config(configMap("vanishing", "{\"a\":\"1\"}")));
      client.configMaps().inNamespace(ns).withName("vanishing").delete();
      client.configMaps().inNamespace(ns).withName("vanishing").waitUntilCondition(c -> c == null, 30,
          java.util.concurrent.TimeUnit.SECONDS);

      ReadResult.Instance i = TestingManifests.read(p, Map.of("cm", s)).instances().get(0);

      assertTrue(i.gone());
      assertNull(client.configMaps().inNamespace(ns).withName("vanishing").get());
    }
  }
}
