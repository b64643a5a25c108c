package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider: it knows its resource types and talks to the real system. The engine calls
 * {@link #configure} once before anything else that needs the remote system. Calls for different
 * resource instances may run concurrently, so implementations must be thread-safe after
 * {@code configure}.
 */
public interface Provider extends AutoCloseable {
  ProviderSchema schema();

  ConfigureResult configure(ConfigureRequest request);

  /** Checks a resource's configuration beyond its schema (e.g. mutually exclusive arguments). */
  default ValidateResult validate(ValidateRequest request) {
    return new ValidateResult(Diagnostics.NONE);
  }

  /**
   * Refreshes instances of one resource type from the live system. The engine hands over all
   * instances of a type at once so that a provider can list instead of getting them one by one.
   */
  ReadResult read(ReadRequest request);

  /** Turns the proposed new state into the planned state, and says which changes force replacement. */
  PlanResult plan(PlanRequest request);

  /** Creates, updates or deletes one instance, as the plan said. */
  ApplyResult apply(ApplyRequest request);

  /** Finds an existing object by its id so that it can be brought under management. */
  default ImportResult importResource(ImportRequest request) {
    return new ImportResult(java.util.List.of(), Diagnostics.of(Diagnostic.error(
        "Import not supported",
        "Resources of type \"" + request.typeName() + "\" cannot be imported.", null)));
  }

  /**
   * Optional capability: what will identify the object a create is about to make (a name, a
   * namespace, a tag, a client token), recorded in the engine's intent journal before the create.
   * The default says the provider cannot tell.
   */
  default IdentityResult plannedIdentity(IdentityRequest request) {
    return IdentityResult.UNSUPPORTED;
  }

  /**
   * Optional capability: finds the object a create made, by the identity {@link #plannedIdentity}
   * gave, after an apply died before storing it; the engine adopts what is found into the state.
   * Must not create or change anything. The default says the provider cannot.
   */
  default LookupResult lookup(LookupRequest request) {
    return LookupResult.UNSUPPORTED;
  }

  /**
   * Orderings between instances that the remote system needs but the configuration does not say
   * (a Kubernetes namespace before the objects in it). The applier adds them to the order it
   * derives from references; the default adds none.
   */
  default OrderResult order(OrderRequest request) {
    return OrderResult.NONE;
  }

  /**
   * The configuration for an imported object, for {@code plan -generate-config-out}. The default
   * keeps the state's non-null arguments (required and optional attributes, computed ones only
   * where they are optional too), leaving nested blocks out.
   */
  default GenerateConfigResult generateConfig(GenerateConfigRequest request) {
    ResourceSchema rs = schema().resources().get(request.typeName());
    Map<String, Value> out = new LinkedHashMap<>();
    if (rs != null && request.state() instanceof ObjectValue o) {
      rs.block().attributes().forEach((name, a) -> {
        Value v = o.attributes().get(name);
        if (v != null && !v.isNull() && (a.required() || a.optional())) {
          out.put(name, v);
        }
      });
    }
    return new GenerateConfigResult(Value.object(out), Diagnostics.NONE);
  }

  /** Reads a data source. */
  default ReadDataResult readData(ReadDataRequest request) {
    return new ReadDataResult(null, Diagnostics.of(Diagnostic.error(
        "Unsupported data source", "This provider has no data source \"" + request.typeName() + "\".", null)));
  }

  /**
   * Optional capability: the live objects in {@code request.scopes()} that none of {@code request.managed()} is
   * (as driftctl reports unmanaged cloud resources). Objects that exist only because of others (owned by a
   * managed object, defaults the system creates) are left out. The default says the provider cannot.
   */
  default UnmanagedResult listUnmanaged(UnmanagedRequest request) {
    return UnmanagedResult.UNSUPPORTED;
  }

  /** Brings state stored under an older schema version to the current one; the default keeps it. */
  default UpgradeStateResult upgradeState(UpgradeStateRequest request) {
    return new UpgradeStateResult(request.state(), Diagnostics.NONE);
  }

  @Override
  default void close() {}
}
