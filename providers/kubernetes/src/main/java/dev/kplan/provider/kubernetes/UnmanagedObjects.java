package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import dev.kplan.provider.UnmanagedResult;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The objects in some namespaces that no {@code kubernetes_manifest} manages, as driftctl lists unmanaged cloud
 * resources: one LIST per listable kind and namespace. Left out, because they exist only through something else:
 * objects with {@code ownerReferences} (a Deployment's ReplicaSets and Pods, a CronJob's Jobs), what Kubernetes
 * creates in every namespace (ServiceAccount {@code default}, ConfigMap {@code kube-root-ca.crt}), Events and
 * Endpoints, and the PersistentVolumeClaims of a managed StatefulSet's {@code volumeClaimTemplates} (they carry no
 * owner reference unless a retention policy asks for one).
 */
final class UnmanagedObjects {
  private static final Set<String> SKIPPED_KINDS = Set.of("/Event", "events.k8s.io/Event", "/Endpoints",
      "discovery.k8s.io/EndpointSlice", "coordination.k8s.io/Lease", "authorization.k8s.io/LocalSubjectAccessReview");

  private UnmanagedObjects() {}

  static UnmanagedResult list(UnmanagedRequest request, Cluster cluster) {
    Set<String> managed = new HashSet<>();
    List<Pattern> claims = new ArrayList<>();
    for (UnmanagedRequest.Managed m : request.managed()) {
      if (!m.typeName().equals(ManifestResource.TYPE)) {
        continue;
      }
      Value manifest = Values.at(m.state(), "manifest");
      ObjectRef ref = ObjectRef.of(manifest);
      if (ref.apiVersion() == null || ref.kind() == null || ref.name() == null) {
        continue;
      }
      String group = group(ref.apiVersion());
      managed.add(key(group, ref.kind(), ref.namespace() == null ? "default" : ref.namespace(), ref.name()));
      if (group.equals("apps") && ref.kind().equals("StatefulSet")) {
        for (Value t : Values.elements(Values.at(manifest, "spec", "volumeClaimTemplates"))) {
          String template = Values.string(t, "metadata", "name");
          if (template != null) {
            claims.add(Pattern.compile(Pattern.quote((ref.namespace() == null ? "default" : ref.namespace()) + "/"
                + template + "-" + ref.name() + "-") + "\\d+"));
          }
        }
      }
    }
    List<UnmanagedObject> out = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<ApiResource> kinds;
    try {
      kinds = cluster.namespacedKinds();
    } catch (KubernetesClientException e) {
      return new UnmanagedResult(true, List.of(), Diagnostics.of(
          ApiErrors.diagnostic("Discovery failed", "the list of kinds", cluster.host(), e)));
    }
    for (String namespace : request.scopes()) {
      for (ApiResource r : kinds) {
        if (SKIPPED_KINDS.contains(r.group() + "/" + r.kind())) {
          continue;
        }
        List<Value> objects;
        try {
          objects = cluster.list(r, namespace, null, null);
        } catch (KubernetesClientException e) {
          if (e.getCode() == 403 || e.getCode() == 404 || e.getCode() == 405) {
            continue; // not ours to see, or not listable after all
          }
          diags.add(ApiErrors.diagnostic("Listing unmanaged objects failed", r.apiVersion() + " " + r.kind()
              + " in " + namespace, cluster.host(), e));
          continue;
        }
        for (Value o : objects) {
          String name = Values.string(o, "metadata", "name");
          if (name == null || !Values.elements(Values.at(o, "metadata", "ownerReferences")).isEmpty()
              || managed.contains(key(r.group(), r.kind(), namespace, name)) || createdByKubernetes(r, name)
              || (r.group().isEmpty() && r.kind().equals("PersistentVolumeClaim")
                  && claims.stream().anyMatch(p -> p.matcher(namespace + "/" + name).matches()))) {
            continue;
          }
          out.add(new UnmanagedObject(ManifestResource.TYPE, r.apiVersion() + "/" + r.kind() + "/" + namespace + "/"
              + name, r.kind() + " " + namespace + "/" + name));
        }
      }
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return new UnmanagedResult(true, out, Diagnostics.of(diags));
  }

  private static boolean createdByKubernetes(ApiResource r, String name) {
    return r.group().isEmpty() && (r.kind().equals("ServiceAccount") && name.equals("default")
        || r.kind().equals("ConfigMap") && name.equals("kube-root-ca.crt"));
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String key(String group, String kind, String namespace, String name) {
    return group + "/" + kind + "/" + namespace + "/" + name;
  }
}
