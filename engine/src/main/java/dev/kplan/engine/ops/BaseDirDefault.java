package dev.kplan.engine.ops;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.GenerateConfigResult;
import dev.kplan.provider.OrderRequest;
import dev.kplan.provider.OrderResult;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.UpgradeStateRequest;
import dev.kplan.provider.UpgradeStateResult;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.provider.ValidateResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider whose configuration's {@code base_dir}, when the schema has one and the user left it
 * null, becomes the module folder: a JVM cannot change its working directory, so relative paths
 * would otherwise start wherever kplan was launched rather than at {@code -chdir}.
 */
final class BaseDirDefault implements Provider {
  static final String ATTRIBUTE = "base_dir";
  private final Provider delegate;
  private final Path moduleDir;

  BaseDirDefault(Provider delegate, Path moduleDir) {
    this.delegate = delegate;
    this.moduleDir = moduleDir.toAbsolutePath().normalize();
  }

  @Override
  public ProviderSchema schema() {
    return delegate.schema();
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    Value config = request.config();
    if (delegate.schema().providerConfig().attributes().containsKey(ATTRIBUTE) && config instanceof ObjectValue o
        && (o.get(ATTRIBUTE) == null || o.get(ATTRIBUTE).isNull())) {
      Map<String, Value> attrs = new LinkedHashMap<>(o.attributes());
      attrs.put(ATTRIBUTE, Value.string(moduleDir.toString()));
      config = Value.object(attrs);
    }
    return delegate.configure(new ConfigureRequest(config));
  }

  @Override
  public ValidateResult validate(ValidateRequest request) {
    return delegate.validate(request);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    return delegate.read(request);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    return delegate.plan(request);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    return delegate.apply(request);
  }

  @Override
  public ImportResult importResource(ImportRequest request) {
    return delegate.importResource(request);
  }

  @Override
  public OrderResult order(OrderRequest request) {
    return delegate.order(request);
  }

  @Override
  public GenerateConfigResult generateConfig(GenerateConfigRequest request) {
    return delegate.generateConfig(request);
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    return delegate.readData(request);
  }

  @Override
  public dev.kplan.provider.UnmanagedResult listUnmanaged(dev.kplan.provider.UnmanagedRequest request) {
    return delegate.listUnmanaged(request);
  }

  @Override
  public dev.kplan.provider.IdentityResult plannedIdentity(dev.kplan.provider.IdentityRequest request) {
    return delegate.plannedIdentity(request);
  }

  @Override
  public dev.kplan.provider.LookupResult lookup(dev.kplan.provider.LookupRequest request) {
    return delegate.lookup(request);
  }

  @Override
  public UpgradeStateResult upgradeState(UpgradeStateRequest request) {
    return delegate.upgradeState(request);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
