package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.DeposedObject;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Plans the destruction of every deposed object in the state (left by a create_before_destroy
 * whose old object was not destroyed), as Terraform does on the next plan, whatever the
 * configuration says: it is not the instance's object any more.
 */
final class DeposedDeletions {
  private DeposedDeletions() {}

  /**
   * The deletions; {@code schemaOf} gives the schema of a type of a configured provider (null when
   * that provider is not configured: its objects were reported already and stay as they are).
   */
  static List<ResourceChange> plan(StateSnapshot state, PlanOptions options,
      BiFunction<ProviderAddress, String, ResourceSchema> schemaOf, List<Diagnostic> diags) {
    List<ResourceChange> out = new ArrayList<>();
    if (options.mode() == PlanMode.REFRESH_ONLY) {
      return out;
    }
    for (DeposedObject d : state.deposed().values()) {
      AddressParser.Result<ResourceAddress> addr = ResourceAddress.parse(d.instance().address());
      AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(d.instance().providerAddress());
      if (!addr.ok() || !pa.ok()) {
        diags.add(Diagnostic.error("Invalid stored state", "The stored deposed object " + d.id()
            + " has an invalid address or provider address.", null));
        continue;
      }
      if (!options.targets().isEmpty() && options.targets().stream().noneMatch(t -> t.contains(addr.value()))) {
        continue;
      }
      ResourceSchema schema = schemaOf.apply(pa.value(), addr.value().type());
      if (schema == null) {
        continue;
      }
      Type type = schema.block().impliedType();
      Value v;
      try {
        v = SensitivePaths.mark(JsonCodec.decode(d.instance().attributesJson(), type),
            SensitivePaths.decode(d.instance().sensitivePathsJson()));
      } catch (JsonCodecException e) {
        diags.add(Diagnostic.error("Invalid stored state", "The stored attributes of " + d.id()
            + " do not match the schema of \"" + addr.value().type() + "\": " + e.getMessage() + ".", null));
        continue;
      }
      v = Schemas.markSensitive(schema.block(), v);
      List<ResourceAddress> deps = new ArrayList<>();
      for (String dep : d.instance().dependencies()) {
        AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(dep);
        if (r.ok()) {
          deps.add(r.value());
        }
      }
      out.add(new ResourceChange(addr.value(), Action.DELETE, v, Value.nullOf(type), List.of(), ChangeReason.NONE,
          pa.value(), Value.nullOf(type), d.instance().privateData(), deps, null, null, d.deposedKey()));
    }
    return out;
  }
}
