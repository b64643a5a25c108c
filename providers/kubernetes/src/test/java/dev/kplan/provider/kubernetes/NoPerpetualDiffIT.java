package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.kplan.provider.kubernetes.TestingManifests.at;
import static dev.kplan.provider.kubernetes.TestingManifests.config;
import static dev.kplan.provider.kubernetes.TestingManifests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The known traps of perpetual diffs, each against the sandbox's API server: apply, let another actor
 * change the object as it does in real clusters, then the refresh finds no drift and the plan keeps the
 * stored state without a single request ("No changes.", and so no write on the next apply). Where the
 * trap bites through the dry run instead, a small unrelated change is planned and must be the only difference.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class NoPerpetualDiffIT {
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

  /** Refresh finds nothing changed, and the plan is the stored state, without any request. */
  private static TestingManifests.Stored assertNoChanges(KubernetesProvider p, TestingRequests requests,
      TestingManifests.Stored stored, ObjectValue cfg) {
    ReadResult.Instance live = TestingManifests.read(p, Map.of("x", stored)).instances().get(0);
    assertEquals(at(stored.state(), "object"), at(live.liveState(), "object"), "no drift");
    assertEquals(List.of(), live.attributions());
    TestingManifests.Stored refreshed = new TestingManifests.Stored(live.liveState(), live.privateData());
    requests.clear();
    PlanResult plan = TestingManifests.plan(p, refreshed, cfg);
    assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
    assertEquals(stored.state(), plan.plannedState(), "No changes.");
    assertEquals(List.of(), requests.all(), "a plan without changes sends no request");
    return refreshed;
  }

  /** Planning {@code changed} (labels added) differs from the stored object only in that label. */
  private static void assertOnlyTheLabelChanges(KubernetesProvider p, TestingManifests.Stored stored,
      ObjectValue changed) {
    PlanResult plan = TestingManifests.plan(p, stored, changed);
    assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
    // kplan owned no metadata before (name and namespace are the object's identity, not owned fields)
    assertEquals(List.of(Path.ROOT.attr("metadata")),
        LiveObjects.differences(at(stored.state(), "object"), at(plan.plannedState(), "object")));
    assertEquals(Value.object(Map.of("labels", Value.object(Map.of("extra", Value.string("1"))))),
        at(plan.plannedState(), "object", "metadata"));
  }

  private static String withExtraLabel(String manifest, String name) {
    return manifest.replaceFirst("\"name\":\"" + name + "\"", "\"name\":\"" + name + "\",\"labels\":{\"extra\":\"1\"}");
  }

  private static String deployment(String name, String specExtra, String podExtra) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + ns + "\"},\"spec\":{" + specExtra + "\"selector\":{\"matchLabels\":{\"app\":\"" + name
        + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{\"name\":"
        + "\"web\",\"image\":\"kplan-demo/web:1.0\"" + podExtra + "}]}}}}";
  }

  @Test
  void aStatefulSetsVolumeClaimTemplatesNeverDiff(Sandbox sandbox) {
    TestingRequests requests = new TestingRequests();
    String sts = "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"db\",\"namespace\":\""
        + ns + "\"},\"spec\":{\"serviceName\":\"db\",\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"db\"}},"
        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"db\"}},\"spec\":{\"containers\":[{\"name\":\"db\","
        + "\"image\":\"kplan-demo/db:1.0\",\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":\"/data\"}]}]}},"
        + "\"volumeClaimTemplates\":[{\"metadata\":{\"name\":\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],"
        + "\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}]}}";
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      ObjectValue cfg = config(sts, Map.of("wait", Value.object(Map.of("rollout", Value.bool(false)))));
      TestingManifests.Stored s = create(p, cfg);
      TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, cfg);
      assertOnlyTheLabelChanges(p, refreshed,
          config(withExtraLabel(sts, "db"), Map.of("wait", Value.object(Map.of("rollout", Value.bool(false))))));
    }
  }

  @Test
  void fieldsACrdsSchemaDefaultsNeverDiffAndTheCustomResourceIsAppliedRightAfterItsCrd(Sandbox sandbox,
      KubernetesClient client) {
    TestingRequests requests = new TestingRequests();
    String group = "g" + UUID.randomUUID().toString().substring(0, 6) + ".kplan.dev";
    String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\",\"metadata\":"
        + "{\"name\":\"widgets." + group + "\"},\"spec\":{\"group\":\"" + group + "\",\"scope\":\"Namespaced\","
        + "\"names\":{\"plural\":\"widgets\",\"singular\":\"widget\",\"kind\":\"Widget\"},\"versions\":[{\"name\":"
        + "\"v1\",\"served\":true,\"storage\":true,\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"properties\":"
        + "{\"spec\":{\"type\":\"object\",\"properties\":{\"size\":{\"type\":\"integer\",\"default\":3},"
        + "\"color\":{\"type\":\"string\",\"default\":\"blue\"},\"name\":{\"type\":\"string\"}}}}}}}]}}";
    String widget = "{\"apiVersion\":\"" + group + "/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\","
        + "\"namespace\":\"" + ns + "\"},\"spec\":{\"name\":\"first\"}}";
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      TestingManifests.Stored definition = create(p, config(crd));
      try {
        // no wait in between: applying the CRD awaited Established and refreshed discovery
        TestingManifests.Stored s = create(p, config(widget));
        assertEquals(3, ((Number) client.genericKubernetesResources(group + "/v1", "Widget").inNamespace(ns)
            .withName("w").get().getAdditionalProperties().entrySet().stream()
            .filter(e -> e.getKey().equals("spec")).map(e -> ((Map<?, ?>) e.getValue()).get("size")).findFirst()
            .orElseThrow()).intValue(), "the server defaulted size");
        assertTrue(at(s.state(), "object", "spec", "size").isNull(), "a schema default is not kplan's");
        TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, config(widget));
        assertOnlyTheLabelChanges(p, refreshed, config(withExtraLabel(widget, "w")));
      } finally {
        client.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete();
      }
      assertFalse(at(definition.state(), "object").isNull());
    }
  }

  @Test
  void aFieldSetToItsDefaultValueNeverDiffs(Sandbox sandbox) {
    TestingRequests requests = new TestingRequests();
    String d = deployment("defaults", "\"replicas\":1,\"revisionHistoryLimit\":10,\"progressDeadlineSeconds\":600,"
        + "\"strategy\":{\"type\":\"RollingUpdate\"},", ",\"imagePullPolicy\":\"IfNotPresent\","
        + "\"terminationMessagePath\":\"/dev/termination-log\",\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}]");
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      TestingManifests.Stored s = create(p, config(d));
      assertEquals(Value.number(10), at(s.state(), "object", "spec", "revisionHistoryLimit"));
      TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, config(d));
      assertOnlyTheLabelChanges(p, refreshed, config(withExtraLabel(d, "defaults")));
    }
  }

  @Test
  void aRolloutRestartByKubectlNeverDiffs(Sandbox sandbox, KubernetesClient client) {
    TestingRequests requests = new TestingRequests();
    String d = deployment("restarted", "", "");
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      TestingManifests.Stored s = create(p, config(d));
      // what `kubectl rollout restart` sends
      client.apps().deployments().inNamespace(ns).withName("restarted").patch(new PatchContext.Builder()
          .withPatchType(PatchType.STRATEGIC_MERGE).withFieldManager("kubectl-rollout").build(),
          "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":"
              + "\"2026-11-25T10:00:00Z\"}}}}}");
      TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, config(d));
      assertOnlyTheLabelChanges(p, refreshed, config(withExtraLabel(d, "restarted")));
      assertEquals("2026-11-25T10:00:00Z", client.apps().deployments().inNamespace(ns).withName("restarted").get()
          .getSpec().getTemplate().getMetadata().getAnnotations().get("kubectl.kubernetes.io/restartedAt"));
    }
  }

  @Test
  void labelsAndAnnotationsAddedByOtherManagersNeverDiff(Sandbox sandbox, KubernetesClient client) {
    TestingRequests requests = new TestingRequests();
    String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"tagged\",\"namespace\":\"" + ns
        + "\",\"labels\":{\"team\":\"web\"},\"annotations\":{\"owner\":\"kplan\"}},\"data\":{\"a\":\"1\"}}";
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      TestingManifests.Stored s = create(p, config(cm));
      client.configMaps().inNamespace(ns).withName("tagged").patch(new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-label").build(),
          "{\"metadata\":{\"labels\":{\"env\":\"prod\"}}}");
      client.configMaps().inNamespace(ns).withName("tagged").patch(new PatchContext.Builder()
          .withPatchType(PatchType.JSON_MERGE).withFieldManager("kubectl-annotate").build(),
          "{\"metadata\":{\"annotations\":{\"example.com/checked\":\"yes\"}}}");
      client.configMaps().inNamespace(ns).withName("tagged").patch(new PatchContext.Builder()
          .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("policy-webhook").build(),
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"tagged\",\"labels\":"
              + "{\"policy\":\"ok\"}}}");
      TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, config(cm));
      PlanResult plan = TestingManifests.plan(p, refreshed, config(cm.replace("\"team\":\"web\"",
          "\"team\":\"web\",\"extra\":\"1\"")));
      assertEquals(List.of(Path.ROOT.attr("metadata").attr("labels").attr("extra")),
          LiveObjects.differences(at(refreshed.state(), "object"), at(plan.plannedState(), "object")));
    }
  }

  @Test
  void replicasSetByAnHpaNeverDiffWhenTheConfigurationSetsNone(Sandbox sandbox, KubernetesClient client) {
    TestingRequests requests = new TestingRequests();
    String d = deployment("scaled", "", "");
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), requests)) {
      TestingManifests.Stored s = create(p, config(d));
      create(p, config("{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":"
          + "{\"name\":\"scaled\",\"namespace\":\"" + ns + "\"},\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\","
          + "\"kind\":\"Deployment\",\"name\":\"scaled\"},\"minReplicas\":3,\"maxReplicas\":5}}"));
      // the HPA controller scales a Deployment below minReplicas up without needing metrics
      client.apps().deployments().inNamespace(ns).withName("scaled")
          .waitUntilCondition(x -> x != null && x.getSpec().getReplicas() == 3, 120, TimeUnit.SECONDS);
      TestingManifests.Stored refreshed = assertNoChanges(p, requests, s, config(d));
      assertOnlyTheLabelChanges(p, refreshed, config(withExtraLabel(d, "scaled")));
      assertEquals(3, client.apps().deployments().inNamespace(ns).withName("scaled").get().getSpec().getReplicas());
    }
  }
}
