package dev.kplan.engine.ops;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
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
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.provider.ValidateResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider as {@code kplan validate} uses it: its schema and its own {@code validate} checks,
 * but nothing that would reach the remote system. Configuring succeeds without connecting; a
 * plan proposes the configuration with every computed attribute the configuration leaves null
 * unknown ("known after apply"); a data source reads as its configuration with computed
 * attributes unknown. Validation plans against an empty state, so nothing is ever read or applied.
 */
final class OfflineProvider implements Provider {
  private final Provider delegate;

  OfflineProvider(Provider delegate) {
    this.delegate = delegate;
  }

  @Override
  public ProviderSchema schema() {
    return delegate.schema();
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ValidateResult validate(ValidateRequest request) {
    return delegate.validate(request);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    return new ReadResult(List.of(), refused("read"));
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    ResourceSchema rs = schema().resources().get(request.typeName());
    Value planned = rs == null ? request.proposedNewState() : unknownComputed(rs.block(), request.proposedNewState());
    return new PlanResult(planned, List.of(), null, Diagnostics.NONE);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    return new ApplyResult(null, null, refused("apply"));
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    ResourceSchema rs = schema().dataSources().get(request.typeName());
    if (rs == null) {
      return delegate.readData(request); // its diagnostic names the missing data source
    }
    return new ReadDataResult(unknownComputed(rs.block(), request.config()), Diagnostics.NONE);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static Value unknownComputed(BlockSchema schema, Value v) {
    if (!(v instanceof ObjectValue o)) {
      return v;
    }
    Map<String, Value> attrs = new LinkedHashMap<>(o.attributes());
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Value a = attrs.get(e.getKey());
      if (e.getValue().computed() && (a == null || a.isNull())) {
        attrs.put(e.getKey(), Value.unknownOf(e.getValue().type()));
      }
    }
    return new ObjectValue(attrs, o.marks());
  }

  private static Diagnostics refused(String what) {
    return Diagnostics.of(Diagnostic.error("Not available while validating",
        "kplan validate does not " + what + " real objects.", null));
  }
}
