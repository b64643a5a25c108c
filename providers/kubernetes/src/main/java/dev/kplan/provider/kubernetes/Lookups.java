package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.IdentityResult;
import dev.kplan.provider.LookupResult;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intent journal's two calls for {@code kubernetes_manifest}: an object is identified by
 * apiVersion, kind, namespace and name (and the field manager kplan applies it as), and looked up
 * with one GET. What is found is adopted only when that field manager applied fields of it, that is
 * when kplan's server-side apply reached the server; its state is then what the apply would have
 * returned: the manifest of the fields kplan owns, the object, and the owned fields as private data.
 */
final class Lookups {
  private Lookups() {}

  static IdentityResult identity(Value planned) {
    Value manifest = Values.at(planned, "manifest");
    ObjectRef ref = ObjectRef.of(manifest);
    if (ref.apiVersion() == null || ref.kind() == null || ref.name() == null) {
      return IdentityResult.UNSUPPORTED;
    }
    Map<String, String> id = new LinkedHashMap<>();
    id.put("apiVersion", ref.apiVersion());
    id.put("kind", ref.kind());
    if (ref.namespace() != null && !ref.namespace().isEmpty()) {
      id.put("namespace", ref.namespace());
    }
    id.put("name", ref.name());
    id.put("field_manager", ManifestSchema.manager(planned));
    return IdentityResult.remote(id);
  }

  static LookupResult lookup(Map<String, String> identity, Cluster cluster) {
    ObjectRef ref = new ObjectRef(identity.get("apiVersion"), identity.get("kind"), identity.get("namespace"),
        identity.get("name"));
    if (ref.apiVersion() == null || ref.kind() == null || ref.name() == null) {
      return LookupResult.failed(Diagnostics.of(Diagnostic.error("Invalid identity",
          "A Kubernetes object is identified by apiVersion, kind and name; the identity holds " + identity.keySet()
              + ".", null)));
    }
    String manager = identity.getOrDefault("field_manager", ManifestSchema.DEFAULT_MANAGER);
    try {
      Optional<ApiResource> r = cluster.resolve(ref.apiVersion(), ref.kind());
      if (r.isEmpty()) {
        return LookupResult.NOT_FOUND; // its kind is not served (a CRD that was not created either)
      }
      Value live = cluster.get(r.get(), ref.namespaceFor(r.get()), ref.name());
      if (live.isNull()) {
        return LookupResult.NOT_FOUND;
      }
      FieldSet owned = ManagedFields.of(live).appliedBy(manager);
      if (owned.isEmpty()) {
        return LookupResult.NOT_FOUND; // someone else's object: kplan's apply never reached it
      }
      Value object = LiveObjects.owned(live, owned, List.of());
      Map<String, Value> state = new LinkedHashMap<>();
      ManifestSchema.SCHEMA.block().impliedType().attributes().forEach((k, t) -> state.put(k, Value.nullOf(t)));
      state.put("manifest", Adoption.manifestOf(live, owned));
      state.put("object", object);
      return LookupResult.found(Value.object(state), new ManifestPrivate(owned, Values.digest(object), false).encode());
    } catch (KubernetesClientException e) {
      return LookupResult.failed(Diagnostics.of(
          ApiErrors.diagnostic("Lookup failed", ref.toString(), cluster.host(), e)));
    }
  }
}
