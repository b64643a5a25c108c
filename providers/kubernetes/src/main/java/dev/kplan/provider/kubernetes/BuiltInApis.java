package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Kubernetes' own API groups (core, {@code apps}, {@code batch}, {@code *.k8s.io}…), as opposed to those of
 * CustomResourceDefinitions: a built-in apiVersion the cluster does not serve has been removed (for example
 * {@code extensions/v1beta1} Ingress, {@code policy/v1beta1} PodDisruptionBudget), which is an error at plan time,
 * whereas a custom group may simply await its CRD.
 */
final class BuiltInApis {
  private BuiltInApis() {}

  static boolean isBuiltIn(String apiVersion) {
    if (apiVersion == null) {
      return false;
    }
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return true; // the core group: "v1"
    }
    String group = apiVersion.substring(0, slash);
    // CRDs must use a dotted group, and *.k8s.io needs an API review approval, so these are Kubernetes' own
    return !group.contains(".") || group.endsWith(".k8s.io");
  }

  /** An error when {@code ref} is of a built-in apiVersion the cluster does not serve; null otherwise. */
  static Diagnostic checkServed(ObjectRef ref, Cluster cluster) {
    if (!isBuiltIn(ref.apiVersion()) || ref.kind() == null) {
      return null;
    }
    try {
      return cluster.resolve(ref.apiVersion(), ref.kind()).isPresent() ? null
          : noLongerServed(null, ref, cluster.host());
    } catch (KubernetesClientException e) {
      return null; // discovery trouble is reported where the object is applied
    }
  }

  static Diagnostic noLongerServed(String address, ObjectRef ref, String host) {
    return Diagnostic.error("API version not served",
        (address == null ? "" : address + ": ") + "the API server at " + host + " does not serve " + ref.kind()
            + " in \"" + ref.apiVersion() + "\" (" + ref + "). This Kubernetes API has been removed or is not"
            + " enabled; change apiVersion to one the cluster serves (see the Kubernetes deprecated API migration"
            + " guide).", null);
  }
}
