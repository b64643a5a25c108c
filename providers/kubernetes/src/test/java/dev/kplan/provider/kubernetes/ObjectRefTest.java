package dev.kplan.provider.kubernetes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObjectRefTest {
  @Test
  void importIdsNameGroupVersionKindNamespaceAndName() {
    assertEquals(new ObjectRef("apps/v1", "Deployment", "default", "web"),
        ObjectRef.fromImportId("apps/v1/Deployment/default/web"));
    assertEquals(new ObjectRef("v1", "ConfigMap", "default", "settings"),
        ObjectRef.fromImportId("v1/ConfigMap/default/settings"));
    assertEquals(new ObjectRef("v1", "Namespace", null, "web"), ObjectRef.fromImportId("v1/Namespace/web"));
    assertEquals(new ObjectRef("rbac.authorization.k8s.io/v1", "ClusterRole", null, "view"),
        ObjectRef.fromImportId("rbac.authorization.k8s.io/v1/ClusterRole/view"));
    assertEquals(new ObjectRef("autoscaling/v2beta2", "HorizontalPodAutoscaler", "a", "b"),
        ObjectRef.fromImportId("autoscaling/v2beta2/HorizontalPodAutoscaler/a/b"));
  }

  @Test
  void malformedImportIdsAreRefused() {
    assertNull(ObjectRef.fromImportId("web"));
    assertNull(ObjectRef.fromImportId("v1/ConfigMap"));
    assertNull(ObjectRef.fromImportId("apps/v1/Deployment//web"));
    assertNull(ObjectRef.fromImportId("apps/v1/Deployment/a/b/c"));
  }
}
