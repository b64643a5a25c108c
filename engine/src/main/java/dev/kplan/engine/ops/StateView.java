package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.planner.SensitivePaths;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The state as values, for {@code kplan show}: each stored object's attributes read with its
 * provider's schema (so that values under {@code any} keep their types) and marked where
 * sensitive, and the root outputs. Reads without taking the lock, and never creates a state.
 */
public final class StateView {
  private static final String ENCRYPTED = "\"" + JdbcStateStore.ENCRYPTED + "\"";

  private StateView() {}

  /** One stored object. */
  public record Instance(ResourceAddress address, ProviderAddress provider, int schemaVersion, boolean tainted,
      Value attributes) {}

  /** The objects in address order, the outputs by name; {@code exists} is false when there is no state yet. */
  public record Result(boolean exists, List<Instance> instances, Map<String, Value> outputs, Diagnostics diagnostics) {}

  /** The state of the configuration in {@code dir} (where its {@code kplan} block says it is). */
  public static Result read(Path dir) {
    return read(dir, System.getenv());
  }

  /** As {@link #read(Path)}, with {@code env} giving {@code KPLAN_STATE_URL} and PostgreSQL credentials. */
  public static Result read(Path dir, Map<String, String> env) {
    LoadResult loaded = ConfigLoader.load(dir);
    if (loaded.diagnostics().hasErrors()) {
      return new Result(false, List.of(), Map.of(), loaded.diagnostics());
    }
    StateSnapshot state;
    try {
      String location = StateBackends.location(dir, loaded.settings(), env);
      if (StateBackends.isMissingFile(location, dir)) {
        return new Result(false, List.of(), Map.of(), loaded.diagnostics());
      }
      try (JdbcStateStore store = StateBackends.openSelected(dir, loaded, env)) {
        state = store.readForDisplay(); // without the passphrase, sensitive values read "(encrypted)"
      }
    } catch (StateException e) {
      return new Result(false, List.of(), Map.of(), Diagnostics.of(Diagnostic.error("Failed to read the state",
          e.getMessage(), null)));
    }
    List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics().items());
    Map<String, ProviderFactory> factories = new HashMap<>();
    ServiceLoader.load(ProviderFactory.class).forEach(f -> factories.putIfAbsent(f.name(), f));
    Map<String, Provider> providers = new HashMap<>();
    List<Instance> instances = new ArrayList<>();
    try {
      for (ResourceInstance ri : state.resources().values()) {
        AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(ri.address());
        AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(ri.providerAddress());
        if (!a.ok() || !pa.ok()) {
          diags.add(Diagnostic.warning("Unreadable object in the state",
              "The stored object \"" + ri.address() + "\" has an invalid address and is not shown.", null));
          continue;
        }
        Type type = schemaType(a.value(), pa.value(), factories, providers);
        try {
          boolean encrypted = ri.attributesJson().contains(ENCRYPTED);
          Value v = type == null || encrypted ? JsonCodec.decode(ri.attributesJson())
              : JsonCodec.decode(ri.attributesJson(), type);
          // an encrypted value is shown as what it is, "(encrypted)", not masked as an unknown secret
          v = encrypted ? v : SensitivePaths.mark(v, SensitivePaths.decode(ri.sensitivePathsJson()));
          instances.add(new Instance(a.value(), pa.value(), ri.schemaVersion(), ri.tainted(), v));
        } catch (JsonCodecException e) {
          diags.add(Diagnostic.warning("Unreadable object in the state",
              "The attributes of \"" + ri.address() + "\" could not be read: " + e.getMessage(), null));
        }
      }
    } finally {
      providers.values().forEach(Provider::close);
    }
    instances.sort((x, y) -> x.address().compareTo(y.address()));
    Map<String, Value> outputs = new LinkedHashMap<>();
    for (OutputValue o : state.outputs().values()) {
      Value v = JsonCodec.decode(o.valueJson(), Type.DYNAMIC);
      outputs.put(o.name(), o.sensitive() ? v.mark(Marks.SENSITIVE) : v);
    }
    return new Result(true, instances, outputs, Diagnostics.of(diags));
  }

  /** The schema's type for the object (null when its provider or type is unknown here: read untyped). */
  private static Type schemaType(ResourceAddress a, ProviderAddress pa, Map<String, ProviderFactory> factories,
      Map<String, Provider> providers) {
    ProviderFactory f = factories.get(pa.name());
    if (f == null) {
      return null;
    }
    Provider p = providers.computeIfAbsent(pa.name(), n -> f.create());
    Map<String, ResourceSchema> types = a.mode() == dev.kplan.engine.addrs.ResourceMode.DATA
        ? p.schema().dataSources() : p.schema().resources();
    ResourceSchema rs = types.get(a.type());
    return rs == null ? null : rs.block().impliedType();
  }
}
