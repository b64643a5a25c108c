package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;

/** Which object a manifest names: apiVersion, kind, namespace (null for cluster-scoped kinds or when absent) and name. */
record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  static ObjectRef of(Value manifest) {
    return new ObjectRef(Values.string(manifest, "apiVersion"), Values.string(manifest, "kind"),
        Values.string(manifest, "metadata", "namespace"), Values.string(manifest, "metadata", "name"));
  }

  /**
   * An import id: {@code apiVersion/kind/[namespace/]name}, e.g. {@code apps/v1/Deployment/default/web},
   * {@code v1/ConfigMap/default/settings}, {@code v1/Namespace/web}. The core group's versions ({@code v1},
   * {@code v2beta1}) take one segment, other groups two. Null when the id has none of these shapes.
   */
  static ObjectRef fromImportId(String id) {
    String[] p = id.split("/", -1);
    for (String s : p) {
      if (s.isEmpty()) {
        return null;
      }
    }
    boolean core = p.length > 0 && p[0].matches("v\\d+((alpha|beta)\\d+)?");
    int from = core ? 1 : 2;
    if (p.length < from + 2 || p.length > from + 3) {
      return null;
    }
    String apiVersion = core ? p[0] : p[0] + "/" + p[1];
    boolean namespaced = p.length == from + 3;
    return new ObjectRef(apiVersion, p[from], namespaced ? p[from + 1] : null, p[p.length - 1]);
  }

  /** The namespace the object lives in: its own, or {@code default} for a namespaced kind that names none. */
  String namespaceFor(ApiResource r) {
    if (!r.namespaced()) {
      return null;
    }
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  @Override
  public String toString() {
    return apiVersion + " " + kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
