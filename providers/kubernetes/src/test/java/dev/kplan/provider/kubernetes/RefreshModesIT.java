package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.kplan.provider.kubernetes.TestingManifests.config;
import static dev.kplan.provider.kubernetes.TestingManifests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refresh's two ways to fetch live objects: one LIST per (kind, namespace), and the per-object GET kept as the
 * benchmark's baseline. Both must find the same objects, drift and deletions; only the requests differ.
 */
@KplanSandbox(SandboxService.KUBERNETES)
class RefreshModesIT {
  private static final List<String> NAMESPACES = new ArrayList<>();

  @BeforeAll
  static void createNamespaces(KubernetesClient client) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    for (String n : List.of("rm-a-" + id, "rm-b-" + id)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(n).endMetadata().build()).create();
      NAMESPACES.add(n);
    }
  }

  @AfterAll
  static void deleteNamespaces(KubernetesClient client) {
    NAMESPACES.forEach(n -> client.namespaces().withName(n).delete());
  }

  private static ObjectValue configMap(String ns, String name, String value) {
    return config("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + ns + "\"},\"data\":{\"k\":\"" + value + "\"}}");
  }

  @Test
  void getPerObjectFindsWhatTheListsFindWithOneRequestPerObject(Sandbox sandbox, KubernetesClient client) {
    Map<String, TestingManifests.Stored> stored = new LinkedHashMap<>();
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), new TestingRequests())) {
      for (String ns : NAMESPACES) {
        for (int i = 0; i < 3; i++) {
          stored.put(ns + "/cm" + i, create(p, configMap(ns, "cm" + i, "v" + i)));
        }
      }
    }
    String a = NAMESPACES.get(0);
    client.configMaps().inNamespace(a).withName("cm1").edit(cm -> {
      cm.getData().put("k", "changed");
      return cm;
    });
    client.configMaps().inNamespace(a).withName("cm2").delete();
    client.configMaps().inNamespace(a).withName("cm2").waitUntilCondition(cm -> cm == null,
        10, java.util.concurrent.TimeUnit.SECONDS);

    TestingRequests listRequests = new TestingRequests();
    TestingRequests getRequests = new TestingRequests();
    ReadResult listed;
    ReadResult got;
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), listRequests,
        LiveFetch.Mode.LIST)) {
      listRequests.clear();
      long before = p.requestCount();
      listed = TestingManifests.read(p, stored);
      assertEquals(listRequests.all().size(), p.requestCount() - before, "the provider counts what it sends");
    }
    try (KubernetesProvider p = TestingManifests.provider(sandbox.env().kubeconfig(), getRequests,
        LiveFetch.Mode.GET)) {
      getRequests.clear();
      long before = p.requestCount();
      got = TestingManifests.read(p, stored);
      assertEquals(getRequests.all().size(), p.requestCount() - before, "the provider counts what it sends");
    }

    assertTrue(listed.diagnostics().items().isEmpty(), listed.diagnostics().toString());
    assertTrue(got.diagnostics().items().isEmpty(), got.diagnostics().toString());
    assertEquals(listed.instances(), got.instances(), "the same live state, private data and attributions");
    Map<String, ReadResult.Instance> byAddress = new LinkedHashMap<>();
    got.instances().forEach(i -> byAddress.put(i.address(), i));
    assertTrue(byAddress.get(a + "/cm2").liveState().isNull(), "deleted outside kplan");
    assertEquals("changed", Values.string(byAddress.get(a + "/cm1").liveState(), "object", "data", "k"));
    assertEquals(1, byAddress.get(a + "/cm1").attributions().size(), "the edit is attributed");

    assertEquals(List.of("GET /api/v1/namespaces/" + a + "/configmaps",
        "GET /api/v1/namespaces/" + NAMESPACES.get(1) + "/configmaps"), withoutDiscovery(listRequests));
    List<String> gets = new ArrayList<>();
    for (String ns : NAMESPACES) {
      for (int i = 0; i < 3; i++) {
        gets.add("GET /api/v1/namespaces/" + ns + "/configmaps/cm" + i);
      }
    }
    assertEquals(gets.stream().sorted().toList(), withoutDiscovery(getRequests), "one GET per stored object");
  }

  /** The requests for objects, sorted (they are sent in parallel): discovery ({@code /api/v1}) left out. */
  private static List<String> withoutDiscovery(TestingRequests requests) {
    return requests.all().stream().filter(r -> r.contains("/namespaces/")).sorted().toList();
  }
}
