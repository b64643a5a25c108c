package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdoptionTest {
  static final Value LIVE = JsonCodec.decode("""
      {"apiVersion":"v1","kind":"ConfigMap",
       "metadata":{"name":"settings","namespace":"app","uid":"u-1","resourceVersion":"42",
         "creationTimestamp":"2026-11-25T10:00:00Z",
         "labels":{"team":"web","injected":"yes"},
         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","note":"hi"},
         "managedFields":[
           {"manager":"kubectl-client-side-apply","operation":"Update","fieldsV1":{
             "f:data":{".":{},"f:color":{}},
             "f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{},"f:note":{}},
                           "f:labels":{".":{},"f:team":{}}}}},
           {"manager":"sidecar-injector-controller","operation":"Update","fieldsV1":{
             "f:metadata":{"f:labels":{"f:injected":{}}}}},
           {"manager":"kube-controller-manager","operation":"Update","subresource":"status","fieldsV1":{
             "f:status":{"f:phase":{}}}}]},
       "data":{"color":"blue","size":"m"},
       "status":{"phase":"Ready"}}""");

  @Test
  void theManifestHoldsWhatPeopleSetWithoutControllersStatusOrBookkeeping() {
    assertEquals(JsonCodec.decode("""
        {"apiVersion":"v1","kind":"ConfigMap",
         "metadata":{"name":"settings","namespace":"app","labels":{"team":"web"},"annotations":{"note":"hi"}},
         "data":{"color":"blue"}}"""), Adoption.manifestOf(LIVE, Adoption.peopleFields(LIVE)));
  }

  @Test
  void kplanOwnsThePeoplesFieldsNarrowedToTheManifest() {
    Value manifest = JsonCodec.decode("""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","labels":{"team":"web"}},
         "data":{"color":"blue"}}""");
    assertEquals(JsonCodec.decode("""
        {"metadata":{"labels":{"team":"web"}},"data":{"color":"blue"}}"""),
        Adoption.peopleFields(LIVE).restrictTo(manifest).project(LIVE));
  }
}
