package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;

/** Which object a manifest names: apiVersion, kind, namespace (null for cluster-scoped kinds or when absent) and name. */
record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  static ObjectRef of(Value manifest) {
    return new ObjectRef(Values.string(manifest, "apiVersion"), Values.string(manifest, "kind"),
        Values.string(manifest, "metadata", "namespace"), Values.string(manifest, "metadata", "name"));
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
