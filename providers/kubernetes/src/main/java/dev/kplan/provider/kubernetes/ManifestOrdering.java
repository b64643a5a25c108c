package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import dev.kplan.provider.OrderRequest;
import dev.kplan.provider.OrderResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Kubernetes needs first without a reference saying so: the {@code Namespace} an object names in
 * {@code metadata.namespace}, and the {@code CustomResourceDefinition} that defines an object's group and
 * kind. Objects come after them and are deleted before them. Only manifests known at plan time take part.
 */
final class ManifestOrdering {
  private ManifestOrdering() {}

  static OrderResult of(OrderRequest request) {
    Map<String, String> namespaces = new HashMap<>();
    Map<String, String> definitions = new HashMap<>();
    List<OrderRequest.Instance> objects = new ArrayList<>();
    for (OrderRequest.Instance i : request.instances()) {
      if (!i.typeName().equals(ManifestResource.TYPE)) {
        continue;
      }
      Value m = Values.at(i.value(), "manifest");
      if (!m.isWhollyKnown() || m.isNull()) {
        continue;
      }
      ObjectRef ref = ObjectRef.of(m);
      if ("Namespace".equals(ref.kind()) && "v1".equals(ref.apiVersion()) && ref.name() != null) {
        namespaces.put(ref.name(), i.address());
      } else if ("CustomResourceDefinition".equals(ref.kind()) && ref.apiVersion() != null
          && ref.apiVersion().startsWith("apiextensions.k8s.io/")) {
        String group = Values.string(m, "spec", "group");
        String kind = Values.string(m, "spec", "names", "kind");
        if (group != null && kind != null) {
          definitions.put(group + "/" + kind, i.address());
        }
      }
      objects.add(i);
    }
    List<OrderResult.Edge> edges = new ArrayList<>();
    for (OrderRequest.Instance i : objects) {
      ObjectRef ref = ObjectRef.of(Values.at(i.value(), "manifest"));
      String ns = ref.namespace() == null ? null : namespaces.get(ref.namespace());
      if (ns != null && !ns.equals(i.address())) {
        edges.add(new OrderResult.Edge(i.address(), ns));
      }
      String crd = ref.apiVersion() == null || ref.kind() == null ? null
          : definitions.get(group(ref.apiVersion()) + "/" + ref.kind());
      if (crd != null && !crd.equals(i.address())) {
        edges.add(new OrderResult.Edge(i.address(), crd));
      }
    }
    return new OrderResult(edges);
  }

  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
