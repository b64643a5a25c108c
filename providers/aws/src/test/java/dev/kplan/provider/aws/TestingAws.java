package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives an {@link AwsProvider} through the SPI as the engine does, with configurations as plain maps. */
final class TestingAws {
  final AwsProvider provider;

  TestingAws(AwsProvider provider) {
    this.provider = provider;
  }

  static Map<String, Value> providerConfig(URI endpoint, String region, Map<String, String> defaultTags,
      int maxRetries) {
    Map<String, Value> endpoints = new LinkedHashMap<>();
    for (String s : ProviderConfigSchema.SERVICES) {
      endpoints.put(s, Value.string(endpoint.toString()));
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("region", Value.string(region));
    m.put("access_key", Value.string("testing"));
    m.put("secret_key", Value.string("testing"));
    m.put("s3_use_path_style", Value.bool(true));
    m.put("max_retries", Value.number(maxRetries));
    m.put("endpoints", Vals.complete(ProviderConfigSchema.schema().blocks().get("endpoints").block(), endpoints));
    m.put("default_tags", Value.object(Map.of("tags", Vals.map(defaultTags))));
    return m;
  }

  ConfigureResult configure(Map<String, Value> config) {
    return provider.configure(new ConfigureRequest(Vals.complete(ProviderConfigSchema.schema(), config)));
  }

  ObjectValue config(String type, Map<String, Value> attributes) {
    return Vals.complete(provider.schema().resources().get(type).block(), attributes);
  }

  Value none(String type) {
    return Value.nullOf(provider.schema().resources().get(type).block().impliedType());
  }

  /** The engine's proposed new state: the configuration, with computed attributes it leaves null from the prior. */
  PlanResult plan(String type, Value prior, ObjectValue config) {
    BlockSchema block = provider.schema().resources().get(type).block();
    Map<String, Value> proposed = new LinkedHashMap<>(config.attributes());
    if (!prior.isNull()) {
      block.attributes().forEach((name, a) -> {
        if (a.computed() && Vals.get(config, name).isNull()) {
          proposed.put(name, Vals.get(prior, name));
        }
      });
    }
    PlanResult pr = provider.plan(new PlanRequest(type, prior, Value.object(proposed), config, null));
    assertFalse(pr.diagnostics().hasErrors(), pr.diagnostics().toString());
    return pr;
  }

  ApplyResult apply(String type, Value prior, Value planned, ObjectValue config, String address) {
    return provider.apply(new ApplyRequest(type, prior, planned, config, null, List.of(), address));
  }

  /** Plans and applies a create; fails the test on errors. */
  ObjectValue create(String type, String address, Map<String, Value> attributes) {
    ObjectValue config = config(type, attributes);
    PlanResult pr = plan(type, none(type), config);
    ApplyResult ar = apply(type, none(type), pr.plannedState(), config, address);
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    return (ObjectValue) ar.newState();
  }

  ReadResult read(String type, List<Value> states) {
    List<ReadRequest.Instance> in = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      in.add(new ReadRequest.Instance(type + ".r" + i, states.get(i), null));
    }
    return provider.read(new ReadRequest(type, in));
  }

  Value readOne(String type, Value state) {
    ReadResult r = read(type, List.of(state));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return r.instances().get(0).liveState();
  }

  static Value s(String text) {
    return Value.string(text);
  }

  static Value n(long n) {
    return Value.number(n);
  }
}
