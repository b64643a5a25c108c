package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ResourceSchema;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubernetes_resource} (one object by apiVersion, kind, name and namespace) and
 * {@code kubernetes_resources} (a list by namespace and label/field selectors). Objects come back without
 * {@code metadata.managedFields}; a Secret's {@code data} and {@code stringData} are marked sensitive.
 */
final class DataSources {
  static final String ONE = "kubernetes_resource";
  static final String MANY = "kubernetes_resources";

  static final ResourceSchema ONE_SCHEMA = new ResourceSchema(0, new BlockSchema(Map.of(
      "api_version", AttributeSchema.required(Type.STRING),
      "kind", AttributeSchema.required(Type.STRING),
      "object", AttributeSchema.computed(Type.DYNAMIC).describedAs("The live object.")),
      Map.of("metadata", new NestedBlock(BlockSchema.of(Map.of(
          "name", AttributeSchema.required(Type.STRING),
          "namespace", AttributeSchema.optional(Type.STRING))), NestedBlock.Nesting.SINGLE, 1, 1))),
      "Reads one Kubernetes object.");

  static final ResourceSchema MANY_SCHEMA = new ResourceSchema(0, BlockSchema.of(Map.of(
      "api_version", AttributeSchema.required(Type.STRING),
      "kind", AttributeSchema.required(Type.STRING),
      "namespace", AttributeSchema.optional(Type.STRING).describedAs("Only this namespace (default: all)."),
      "label_selector", AttributeSchema.optional(Type.STRING),
      "field_selector", AttributeSchema.optional(Type.STRING),
      "objects", AttributeSchema.computed(Type.DYNAMIC).describedAs("The matching live objects, by name."))),
      "Lists Kubernetes objects.");

  private DataSources() {}

  static ReadDataResult readOne(Value config, Cluster cluster) {
    ObjectValue cfg = Values.object(config);
    ObjectRef ref = new ObjectRef(Values.string(cfg, "api_version"), Values.string(cfg, "kind"),
        Values.string(cfg, "metadata", "namespace"), Values.string(cfg, "metadata", "name"));
    try {
      Optional<ApiResource> r = cluster.resolve(ref.apiVersion(), ref.kind());
      if (r.isEmpty()) {
        return new ReadDataResult(null, Diagnostics.of(notServed(ref.apiVersion(), ref.kind(), cluster)));
      }
      Value live = cluster.get(r.get(), ref.namespaceFor(r.get()), ref.name());
      if (live.isNull()) {
        return new ReadDataResult(null, Diagnostics.of(Diagnostic.error("Object not found",
            ref + " does not exist in the cluster at " + cluster.host() + ".", null)));
      }
      return new ReadDataResult(Values.with(cfg, "object", clean(live)), Diagnostics.NONE);
    } catch (KubernetesClientException e) {
      return new ReadDataResult(null, Diagnostics.of(ApiErrors.diagnostic("Read failed", ref.toString(),
          cluster.host(), e)));
    }
  }

  static ReadDataResult readMany(Value config, Cluster cluster) {
    ObjectValue cfg = Values.object(config);
    String apiVersion = Values.string(cfg, "api_version");
    String kind = Values.string(cfg, "kind");
    try {
      Optional<ApiResource> r = cluster.resolve(apiVersion, kind);
      if (r.isEmpty()) {
        return new ReadDataResult(null, Diagnostics.of(notServed(apiVersion, kind, cluster)));
      }
      String namespace = r.get().namespaced() ? Values.string(cfg, "namespace") : null;
      List<Value> items = new ArrayList<>();
      for (Value o : cluster.list(r.get(), namespace, Values.string(cfg, "label_selector"),
          Values.string(cfg, "field_selector"))) {
        items.add(clean(o));
      }
      return new ReadDataResult(Values.with(cfg, "objects", Value.tuple(items)), Diagnostics.NONE);
    } catch (KubernetesClientException e) {
      return new ReadDataResult(null, Diagnostics.of(ApiErrors.diagnostic("List failed",
          apiVersion + " " + kind, cluster.host(), e)));
    }
  }

  /** The object without managedFields, with a Secret's values marked sensitive. */
  static Value clean(Value live) {
    Map<String, Value> m = new LinkedHashMap<>(Values.entries(live));
    Map<String, Value> meta = new LinkedHashMap<>(Values.entries(m.getOrDefault("metadata", Values.NULL)));
    meta.remove("managedFields");
    m.put("metadata", Value.object(meta));
    if ("Secret".equals(Values.string(live, "kind"))) {
      for (String field : new String[] {"data", "stringData"}) {
        if (m.containsKey(field)) {
          m.put(field, m.get(field).mark(Marks.SENSITIVE));
        }
      }
    }
    return Value.object(m);
  }

  private static Diagnostic notServed(String apiVersion, String kind, Cluster cluster) {
    return Diagnostic.error("Kind not served", "The API server at " + cluster.host() + " does not serve kind \""
        + kind + "\" in \"" + apiVersion + "\".", null);
  }
}
