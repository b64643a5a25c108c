package dev.kplan.provider.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderException;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ProviderSchema;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProviderRegistrationTest {
  private static Map<String, ProviderFactory> factories() {
    Map<String, ProviderFactory> m = new TreeMap<>();
    ServiceLoader.load(ProviderFactory.class).forEach(f -> m.put(f.name(), f));
    return m;
  }

  @Test
  void serviceLoaderFindsOneFactoryPerTypePrefix() {
    Map<String, ProviderFactory> f = factories();
    assertTrue(f.keySet().containsAll(Set.of("local", "random", "kplan")), f.keySet().toString());
    assertEquals(Set.of("local_file", "local_sensitive_file"), f.get("local").create().schema().resources().keySet());
    assertEquals(Set.of("local_file", "local_sensitive_file"), f.get("local").create().schema().dataSources().keySet());
    assertEquals(Set.of("random_id", "random_password", "random_string"),
        f.get("random").create().schema().resources().keySet());
    assertEquals(Set.of("kplan_data"), f.get("kplan").create().schema().resources().keySet());
  }

  @Test
  void everyTypeStartsWithItsProvidersName() {
    factories().forEach((name, f) -> {
      if (Set.of("local", "random", "kplan").contains(name)) {
        ProviderSchema s = f.create().schema();
        s.resources().keySet().forEach(t -> assertTrue(t.startsWith(name + "_"), t));
        s.dataSources().keySet().forEach(t -> assertTrue(t.startsWith(name + "_"), t));
      }
    });
  }

  @Test
  void localFileSchemaFlagsFollowHashicorpLocal() {
    Map<String, AttributeSchema> a = new LocalProviderFactory().create().schema().resources().get("local_file").block().attributes();
    assertTrue(a.get("filename").required() && a.get("filename").forceNew());
    for (String n : FileResource.ARGUMENTS) {
      assertTrue(a.get(n).forceNew(), n);
    }
    assertTrue(a.get("file_permission").optional() && a.get("file_permission").computed());
    for (String n : Checksums.ATTRIBUTES) {
      assertTrue(a.get(n).computed() && !a.get(n).optional(), n);
    }
    assertFalse(a.get("content").sensitive());
    Map<String, AttributeSchema> s = new LocalProviderFactory().create().schema().resources()
        .get("local_sensitive_file").block().attributes();
    assertTrue(s.get("content").sensitive() && s.get("content_base64").sensitive());
    assertTrue(new LocalProviderFactory().create().schema().dataSources().get("local_sensitive_file")
        .block().attributes().get("content").sensitive());
  }

  @Test
  void randomArgumentsAllForceNew() {
    Map<String, AttributeSchema> a = new RandomProviderFactory().create().schema().resources().get("random_string")
        .block().attributes();
    a.forEach((n, s) -> assertEquals(!s.computed() || s.optional(), s.forceNew(), n));
  }

  @Test
  void onlyLocalHasAConfiguration() {
    assertTrue(new LocalProviderFactory().create().schema().providerConfig().attributes().get("base_dir").optional());
    assertTrue(new RandomProviderFactory().create().schema().providerConfig().attributes().isEmpty());
    assertTrue(new KplanProviderFactory().create().schema().providerConfig().attributes().isEmpty());
  }

  @Test
  void aTypeOfAnotherProviderIsAProviderFault() {
    Provider random = new RandomProviderFactory().create();
    Value obj = Value.object(Map.of());
    ProviderException e = assertThrows(ProviderException.class,
        () -> random.plan(new PlanRequest("local_file", obj, obj, obj, null)));
    assertEquals(ProviderException.Code.UNKNOWN_TYPE, e.code());
  }

  @Test
  void aDeleteIsPlannedAsNull() {
    Provider kplan = new KplanProviderFactory().create();
    Value none = TestingLocal.nothing(kplan, "kplan_data");
    Value prior = TestingLocal.create(kplan, "kplan_data", TestingLocal.config(kplan, "kplan_data"));
    assertTrue(kplan.plan(new PlanRequest("kplan_data", prior, none, none, null)).plannedState().isNull());
  }
}
