package dev.kplan.engine.states;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.ops.StateView;
import dev.kplan.engine.planner.SensitivePaths;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.ResourceInstance;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Stored objects read as values: attributes decoded with the provider's schema (so values under
 * {@code any} keep their types; untyped when the provider is not installed) and marked where the
 * stored sensitive paths say. Providers are created only for their schemas and closed after.
 */
public final class StoredObjects implements AutoCloseable {
  private final Map<String, ProviderFactory> factories = new HashMap<>();
  private final Map<String, Provider> providers = new HashMap<>();

  public StoredObjects() {
    ServiceLoader.load(ProviderFactory.class).forEach(f -> factories.putIfAbsent(f.name(), f));
  }

  /** {@code r} as a value; a stored object kplan cannot read is a {@link JsonCodecException} naming why. */
  public StateView.Instance decode(ResourceInstance r) {
    AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(r.address());
    AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(r.providerAddress());
    if (!a.ok() || a.value() == null || !pa.ok() || pa.value() == null) {
      throw new JsonCodecException("the stored object \"" + r.address() + "\" has an invalid address or provider");
    }
    Type type = schemaType(a.value(), pa.value());
    Value v = type == null ? JsonCodec.decode(r.attributesJson()) : JsonCodec.decode(r.attributesJson(), type);
    v = SensitivePaths.mark(v, SensitivePaths.decode(r.sensitivePathsJson()));
    return new StateView.Instance(a.value(), pa.value(), r.schemaVersion(), r.tainted(), v);
  }

  private Type schemaType(ResourceAddress a, ProviderAddress pa) {
    ProviderFactory f = factories.get(pa.name());
    if (f == null) {
      return null;
    }
    Provider p = providers.computeIfAbsent(pa.name(), n -> f.create());
    Map<String, ResourceSchema> types = a.mode() == ResourceMode.DATA ? p.schema().dataSources() : p.schema().resources();
    ResourceSchema rs = types.get(a.type());
    return rs == null ? null : rs.block().impliedType();
  }

  @Override
  public void close() {
    providers.values().forEach(Provider::close);
    providers.clear();
  }
}
