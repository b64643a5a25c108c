package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldSetTest {
  static final Value LIVE = JsonCodec.decode("""
      {"metadata":{"name":"web","labels":{"app":"web","team":"x"},"generation":3},
       "spec":{"replicas":2,"revisionHistoryLimit":10,
         "containers":[{"name":"sidecar","image":"mesh:1"},{"name":"web","image":"web:1","imagePullPolicy":"IfNotPresent"}],
         "finalizers":["a","b"]},
       "status":{"ready":true}}""");
  static final FieldSet KPLAN = FieldSet.fromJson("""
      {"f:metadata":{"f:labels":{"f:app":{}}},
       "f:spec":{"f:replicas":{},"f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:name":{},"f:image":{}}},
                 "f:finalizers":{"v:\\"b\\"":{}}}}""");

  @Test
  void projectionKeepsOnlyOwnedFieldsAndListItemsByKey() {
    assertEquals(JsonCodec.decode("""
        {"metadata":{"labels":{"app":"web"}},
         "spec":{"replicas":2,"containers":[{"name":"web","image":"web:1"}],"finalizers":["b"]}}"""),
        KPLAN.project(LIVE));
  }

  @Test
  void pathsAreWrittenAsTheApiServerWritesConflictFields() {
    Set<String> paths = KPLAN.paths();
    assertTrue(paths.contains(".spec.replicas"), paths.toString());
    assertTrue(paths.contains(".spec.containers[name=\"web\"].image"), paths.toString());
    assertTrue(paths.contains(".spec.finalizers[=\"b\"]"), paths.toString());
    assertFalse(paths.contains(".spec.revisionHistoryLimit"), paths.toString());
  }

  @Test
  void ownershipOfAProjectedPathFollowsListItemKeys() {
    Value projected = KPLAN.project(LIVE);
    Path image = Path.ROOT.attr("spec").attr("containers").index(Value.number(0)).attr("image");
    assertTrue(KPLAN.owns(projected, image));
    FieldSet other = FieldSet.fromJson("{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"sidecar\\\"}\":"
        + "{\"f:image\":{}}}}}");
    assertFalse(other.owns(projected, image), "the sidecar's owner does not own web's image");
  }

  @Test
  void aUnionHoldsTheFieldsOfBothSets() {
    FieldSet other = FieldSet.fromJson("""
        {"f:metadata":{"f:labels":{"f:team":{}}},"f:spec":{"f:revisionHistoryLimit":{}}}""");
    assertEquals(JsonCodec.decode("""
        {"metadata":{"labels":{"app":"web","team":"x"}},
         "spec":{"replicas":2,"revisionHistoryLimit":10,"containers":[{"name":"web","image":"web:1"}],
                 "finalizers":["b"]}}"""), KPLAN.union(other).project(LIVE));
  }

  @Test
  void restrictingToAManifestDropsTheFieldsAndListItemsItLacks() {
    Value manifest = JsonCodec.decode("""
        {"spec":{"replicas":2,"containers":[{"name":"web","image":"web:1"}]}}""");
    assertEquals(JsonCodec.decode("""
        {"spec":{"replicas":2,"containers":[{"name":"web","image":"web:1"}]}}"""),
        KPLAN.restrictTo(manifest).project(LIVE));
    assertEquals(JsonCodec.decode("{\"spec\":{\"replicas\":2}}"),
        KPLAN.restrictTo(JsonCodec.decode("{\"spec\":{\"replicas\":2}}")).project(LIVE));
  }
}
