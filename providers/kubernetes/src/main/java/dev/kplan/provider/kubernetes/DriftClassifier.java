package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ChangeOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Classifies a drifted field of a Kubernetes object: was it a person ({@code kubectl-*} managers, or one the
 * provider configuration lists in {@code human_managers}) or a program, and does it touch security (how a Service
 * is exposed, NetworkPolicy, RBAC, privileges, or an image that can change under the same name).
 */
record DriftClassifier(Set<String> humanManagers) {
  static final DriftClassifier DEFAULT = new DriftClassifier(Set.of());
  /** Stands for "no manager owns the field": it cannot be told apart from the object's other fields. */
  static final String UNKNOWN_MANAGER = "unknown";

  private static final Set<String> RBAC_KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");
  private static final Set<String> SERVICE_EXPOSURE = Set.of("type", "ports", "externalIPs", "loadBalancerSourceRanges",
      "externalName");
  private static final Set<String> HOST_ACCESS = Set.of("hostNetwork", "hostPID", "hostIPC", "privileged",
      "allowPrivilegeEscalation", "capabilities", "securityContext");

  DriftClassifier {
    humanManagers = Set.copyOf(humanManagers);
  }

  ChangeOrigin origin(String manager) {
    if (manager == null || manager.equals(UNKNOWN_MANAGER)) {
      return ChangeOrigin.UNKNOWN;
    }
    return manager.equals("kubectl") || manager.startsWith("kubectl-") || humanManagers.contains(manager)
        ? ChangeOrigin.MANUAL : ChangeOrigin.AUTOMATION;
  }

  /**
   * Whether a change of {@code path} (under the object, without the {@code object} prefix) of an object of
   * {@code apiVersion}/{@code kind} to {@code now} touches security.
   */
  static boolean securitySensitive(String apiVersion, String kind, Path path, Value now) {
    List<String> names = names(path);
    String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
    if (group.equals("rbac.authorization.k8s.io") && RBAC_KINDS.contains(kind)) {
      return true;
    }
    if (group.equals("networking.k8s.io") && "NetworkPolicy".equals(kind)) {
      return true;
    }
    if (group.isEmpty() && "Service".equals(kind) && names.size() >= 2 && names.get(0).equals("spec")
        && SERVICE_EXPOSURE.contains(names.get(1))) {
      return true;
    }
    for (String n : names) {
      if (HOST_ACCESS.contains(n)) {
        return true;
      }
    }
    boolean image = !names.isEmpty() && names.get(names.size() - 1).equals("image")
        && (names.contains("containers") || names.contains("initContainers") || names.contains("ephemeralContainers"));
    return image && now instanceof StringValue s && mutableImage(s.value());
  }

  /** An image reference without a digest whose tag is missing or {@code latest}: what it runs can change. */
  static boolean mutableImage(String image) {
    if (image.contains("@")) {
      return false;
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    return colon < 0 || last.substring(colon + 1).equals("latest");
  }

  private static List<String> names(Path path) {
    List<String> out = new ArrayList<>();
    for (PathStep s : path.steps()) {
      if (s instanceof PathStep.GetAttr a) {
        out.add(a.name());
      } else if (s instanceof PathStep.Index i && i.key() instanceof StringValue k) {
        out.add(k.value());
      }
    }
    return out;
  }
}
