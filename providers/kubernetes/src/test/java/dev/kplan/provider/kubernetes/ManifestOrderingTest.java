package dev.kplan.provider.kubernetes;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.OrderRequest;
import dev.kplan.provider.OrderResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ManifestOrderingTest {
  static OrderRequest.Instance instance(String address, String manifestJson) {
    return new OrderRequest.Instance(address, ManifestResource.TYPE,
        Value.object(Map.of("manifest", JsonCodec.decode(manifestJson))));
  }

  static Set<String> edges(OrderRequest.Instance... instances) {
    return ManifestOrdering.of(new OrderRequest(List.of(instances))).edges().stream()
        .map(e -> e.dependent() + " -> " + e.dependency()).collect(Collectors.toSet());
  }

  static final OrderRequest.Instance NS = instance("ns", """
      {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"app"}}""");
  static final OrderRequest.Instance CRD = instance("crd", """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.x.dev"},
       "spec":{"group":"x.dev","names":{"kind":"Widget","plural":"widgets"}}}""");

  @Test
  void objectsInAManagedNamespaceComeAfterIt() {
    assertEquals(Set.of("cm -> ns"), edges(NS, instance("cm", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"app"}}"""),
        instance("other", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"elsewhere"}}""")));
  }

  @Test
  void customResourcesComeAfterTheirDefinitionAndTheirNamespace() {
    assertEquals(Set.of("w -> crd", "w -> ns"), edges(CRD, NS, instance("w", """
        {"apiVersion":"x.dev/v1","kind":"Widget","metadata":{"name":"w","namespace":"app"}}"""),
        instance("gadget", """
        {"apiVersion":"x.dev/v1","kind":"Gadget","metadata":{"name":"g"}}""")));
  }

  @Test
  void manifestsUnknownAtPlanTimeTakeNoPart() {
    OrderRequest.Instance unknown = new OrderRequest.Instance("u", ManifestResource.TYPE,
        Value.object(Map.of("manifest", Value.unknownOf(Type.DYNAMIC))));
    assertEquals(Set.of(), edges(NS, unknown));
  }
}
