package dev.kplan.provider.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ChangeOrigin;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftClassifierTest {
  static Path p(String... names) {
    Path out = Path.ROOT;
    for (String n : names) {
      out = n.matches("\\d+") ? out.index(Value.number(Integer.parseInt(n))) : out.attr(n);
    }
    return out;
  }

  @Test
  void kubectlManagersAndConfiguredOnesArePeopleOthersAreAutomation() {
    DriftClassifier c = new DriftClassifier(Set.of("k9s"));
    assertEquals(ChangeOrigin.MANUAL, c.origin("kubectl-edit"));
    assertEquals(ChangeOrigin.MANUAL, c.origin("kubectl"));
    assertEquals(ChangeOrigin.MANUAL, c.origin("k9s"));
    assertEquals(ChangeOrigin.AUTOMATION, c.origin("kube-controller-manager"));
    assertEquals(ChangeOrigin.AUTOMATION, c.origin("kubectlish-operator"));
    assertEquals(ChangeOrigin.UNKNOWN, c.origin(DriftClassifier.UNKNOWN_MANAGER));
  }

  @Test
  void serviceExposureNetworkPolicyRbacAndPrivilegesAreSecuritySensitive() {
    assertTrue(DriftClassifier.securitySensitive("v1", "Service", p("spec", "ports", "1", "port"), Value.number(22)));
    assertTrue(DriftClassifier.securitySensitive("v1", "Service", p("spec", "type"), Value.string("NodePort")));
    assertFalse(DriftClassifier.securitySensitive("v1", "Service", p("metadata", "labels", "tier"), Value.string("x")));
    assertTrue(DriftClassifier.securitySensitive("networking.k8s.io/v1", "NetworkPolicy", p("spec", "ingress"),
        Value.string("x")));
    assertTrue(DriftClassifier.securitySensitive("rbac.authorization.k8s.io/v1", "Role", p("rules", "0", "verbs"),
        Value.string("*")));
    assertTrue(DriftClassifier.securitySensitive("apps/v1", "Deployment",
        p("spec", "template", "spec", "containers", "0", "securityContext", "privileged"), Value.bool(true)));
    assertTrue(DriftClassifier.securitySensitive("apps/v1", "Deployment", p("spec", "template", "spec", "hostNetwork"),
        Value.bool(true)));
    assertFalse(DriftClassifier.securitySensitive("apps/v1", "Deployment", p("spec", "replicas"), Value.number(5)));
    assertFalse(DriftClassifier.securitySensitive("v1", "ConfigMap", p("data", "ports"), Value.string("1")));
  }

  @Test
  void anImageChangedToLatestOrNoTagIsSecuritySensitiveAPinnedOneIsNot() {
    Path image = p("spec", "template", "spec", "containers", "0", "image");
    assertTrue(DriftClassifier.securitySensitive("apps/v1", "Deployment", image, Value.string("web:latest")));
    assertTrue(DriftClassifier.securitySensitive("apps/v1", "Deployment", image, Value.string("registry:5000/web")));
    assertFalse(DriftClassifier.securitySensitive("apps/v1", "Deployment", image, Value.string("registry:5000/web:1.2")));
    assertFalse(DriftClassifier.securitySensitive("apps/v1", "Deployment", image,
        Value.string("web@sha256:0123456789abcdef")));
  }
}
