package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Drives a provider as the engine does: configure, plan, apply, read; with configurations built from JSON. */
final class TestingManifests {
  private TestingManifests() {}

  /** A provider configured for the kubeconfig at {@code kubeconfig}, its requests recorded by {@code requests}. */
  static KubernetesProvider provider(Path kubeconfig, TestingRequests requests) {
    return provider(kubeconfig, requests, LiveFetch.Mode.LIST);
  }

  /** The same, refreshing in {@code mode}. */
  static KubernetesProvider provider(Path kubeconfig, TestingRequests requests, LiveFetch.Mode mode) {
    KubernetesProvider p = new KubernetesProvider(requests, mode);
    Diagnostics d = p.configure(new ConfigureRequest(ProviderSettings.config(Map.of(
        "config_path", Value.string(kubeconfig.toString()))))).diagnostics();
    assertFalse(d.hasErrors(), d.toString());
    return p;
  }

  /** A kubernetes_manifest configuration with the manifest given as JSON and the other arguments null. */
  static ObjectValue config(String manifestJson) {
    return config(manifestJson, Map.of());
  }

  static ObjectValue config(String manifestJson, Map<String, Value> others) {
    Map<String, Value> m = new LinkedHashMap<>();
    ManifestSchema.SCHEMA.block().impliedType().attributes().forEach((k, t) -> m.put(k, Value.nullOf(t)));
    m.put("manifest", JsonCodec.decode(manifestJson));
    m.putAll(others);
    return Value.object(m);
  }

  /** One instance as state holds it: its attributes and private data. */
  record Stored(Value state, String privateData) {}

  static PlanResult plan(KubernetesProvider p, Stored prior, ObjectValue config) {
    Value priorState = prior == null ? Value.nullOf(ManifestSchema.SCHEMA.block().impliedType()) : prior.state();
    return p.plan(new PlanRequest(ManifestResource.TYPE, priorState, config, config,
        prior == null ? null : prior.privateData()));
  }

  static ApplyResult apply(KubernetesProvider p, Stored prior, ObjectValue config) {
    PlanResult planned = plan(p, prior, config);
    assertFalse(planned.diagnostics().hasErrors(), planned.diagnostics().toString());
    Value priorState = prior == null ? Value.nullOf(ManifestSchema.SCHEMA.block().impliedType()) : prior.state();
    return p.apply(new ApplyRequest(ManifestResource.TYPE, priorState, planned.plannedState(), config,
        planned.plannedPrivate()));
  }

  static Stored create(KubernetesProvider p, ObjectValue config) {
    ApplyResult r = apply(p, null, config);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return new Stored(r.newState(), r.privateData());
  }

  static ReadResult read(KubernetesProvider p, Map<String, Stored> instances) {
    List<ReadRequest.Instance> req = instances.entrySet().stream()
        .map(e -> new ReadRequest.Instance(e.getKey(), e.getValue().state(), e.getValue().privateData())).toList();
    return p.read(new ReadRequest(ManifestResource.TYPE, req));
  }

  static Value at(Value v, String... path) {
    return Values.at(v, path);
  }

  static Value nullValue() {
    return Value.nullOf(Type.DYNAMIC);
  }
}
