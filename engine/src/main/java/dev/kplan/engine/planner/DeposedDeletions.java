package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.DeposedObject;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Plans the destruction of every deposed object in the state (left by a create_before_destroy
 * whose old object was not destroyed), as Terraform does on the next plan, whatever the
 * configuration says: it is not the instance's object any more. Each is refreshed first (one
 * read per provider and type, unless refreshing is off): one gone outside kplan is not destroyed,
 * only reported as drift of the deposed object, so that applying the plan drops it from the state.
 */
final class DeposedDeletions {
  private DeposedDeletions() {}

  /** The deletions, and the deposed objects found deleted outside kplan. */
  record Result(List<ResourceChange> changes, List<Drift> drift) {}

  /** A deposed object as stored, decoded. */
  private record Stored(DeposedObject object, ResourceAddress address, ProviderAddress provider, Value value,
      List<ResourceAddress> dependencies) {}

  /**
   * The deletions; {@code schemaOf} gives the schema of a type of a configured provider (null when
   * that provider is not configured: its objects were reported already and stay as they are), and
   * {@code providerOf} the configured provider that reads them.
   */
  static Result plan(StateSnapshot state, PlanOptions options,
      BiFunction<ProviderAddress, String, ResourceSchema> schemaOf, Function<ProviderAddress, Provider> providerOf,
      List<Diagnostic> diags) {
    List<Stored> stored = new ArrayList<>();
    if (options.mode() == PlanMode.REFRESH_ONLY) {
      return new Result(List.of(), List.of());
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
      stored.add(new Stored(d, addr.value(), pa.value(), v, deps));
    }
    Map<String, Value> live = options.refresh() ? refresh(stored, schemaOf, providerOf, diags) : Map.of();
    List<ResourceChange> out = new ArrayList<>();
    List<Drift> gone = new ArrayList<>();
    for (Stored s : stored) {
      Value v = live.getOrDefault(s.object().id(), s.value());
      Type type = v.type();
      if (v.isNull()) {
        gone.add(new Drift(s.address(), s.value(), v, List.of(), DriftCause.DELETED, s.object().deposedKey()));
        continue;
      }
      out.add(new ResourceChange(s.address(), Action.DELETE, v, Value.nullOf(type), List.of(), ChangeReason.NONE,
          s.provider(), Value.nullOf(type), s.object().instance().privateData(), s.dependencies(), null, null,
          s.object().deposedKey()));
    }
    return new Result(out, gone);
  }

  /** The live value of each deposed object (by {@link DeposedObject#id()}), a null value when gone. */
  private static Map<String, Value> refresh(List<Stored> stored,
      BiFunction<ProviderAddress, String, ResourceSchema> schemaOf, Function<ProviderAddress, Provider> providerOf,
      List<Diagnostic> diags) {
    Map<ProviderAddress, Map<String, List<Stored>>> grouped = new TreeMap<>();
    for (Stored s : stored) {
      grouped.computeIfAbsent(s.provider(), k -> new TreeMap<>())
          .computeIfAbsent(s.address().type(), k -> new ArrayList<>()).add(s);
    }
    Map<String, Value> out = new HashMap<>();
    grouped.forEach((pa, byType) -> byType.forEach((type, list) -> {
      List<ReadRequest.Instance> req = new ArrayList<>();
      for (Stored s : list) {
        req.add(new ReadRequest.Instance(s.object().id(), ValueMarks.unmarkDeep(s.value()),
            s.object().instance().privateData()));
      }
      ReadResult rr = providerOf.apply(pa).read(new ReadRequest(type, req));
      diags.addAll(rr.diagnostics().items());
      ResourceSchema schema = schemaOf.apply(pa, type);
      Map<String, Value> stored2 = new HashMap<>();
      list.forEach(s -> stored2.put(s.object().id(), s.value()));
      for (ReadResult.Instance li : rr.instances()) {
        Value before = stored2.get(li.address());
        if (before == null) {
          continue;
        }
        out.put(li.address(), li.gone() ? li.liveState() : Schemas.markSensitive(schema.block(),
            ValuePaths.applyMarks(li.liveState(), ValuePaths.markedPaths(before))));
      }
    }));
    return out;
  }
}
