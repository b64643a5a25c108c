package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.InterruptedCreate;
import dev.kplan.engine.planner.Schemas;
import dev.kplan.engine.planner.SensitivePaths;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.LookupRequest;
import dev.kplan.provider.LookupResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.Intent;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follows up the intents an interrupted apply left in the state's journal, before a plan: each
 * provider (configured by a first plan) looks its object up by the identity recorded; what is
 * found is adopted into the state (recorded as the intent's answer, in place of whatever the state held
 * at that address) and the intent closed; what is
 * not found is closed too, and the plan creates it as usual. A lookup that fails keeps its intent
 * and is an error, so that no apply creates the object a second time.
 */
final class InterruptedCreates {
  private InterruptedCreates() {}

  /** The notes for the plan, its diagnostics, and whether the state changed (then plan again). */
  record Result(List<InterruptedCreate> found, Diagnostics diagnostics, boolean adopted) {}

  /**
   * {@code lock} opens a version on the first object adopted; {@code dependencies} are the
   * configuration's, stored with an adopted object as the applier would have.
   */
  static Result followUp(List<Intent> intents, Map<ProviderAddress, Provider> providers, StateStore.Lock lock, Map<ResourceAddress, Set<ResourceAddress>> dependencies) throws StateException {
    List<InterruptedCreate> found = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    boolean adopted = false;
    for (Intent intent : intents) {
      if (intent.answered()) {
        // its answer was stored; the process died before closing it
        lock.closeIntent(intent.id());
        continue;
      }
      // An object stored at the address does not settle it: the create's plan may have found that object gone
      // (deleted, or removed by a killed apply that could not record it) and made a new one, which replaces it.
      AddressParser.Result<ResourceAddress> ra = ResourceAddress.parse(intent.address());
      AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(intent.providerAddress());
      Provider provider = pa.ok() ? providers.get(pa.value()) : null;
      if (!ra.ok() || provider == null) {
        diags.add(Diagnostic.warning("Cannot follow up an interrupted create",
            "An interrupted apply started to create " + intent.address() + " with " + intent.providerAddress()
                + ", which this configuration no longer has, so kplan cannot look the object up. The intent stays"
                + " in the state's journal until the provider is configured again.", null));
        continue;
      }
      LookupResult r;
      try {
        r = provider.lookup(new LookupRequest(intent.resourceType(), intent.address(), intent.identity()));
      } catch (RuntimeException e) {
        r = LookupResult.failed(Diagnostics.of(Diagnostic.error("Lookup failed", e.getMessage(), null)));
      }
      if (r.diagnostics().hasErrors()) {
        diags.add(Diagnostic.error("Cannot look up " + intent.address(),
            "An interrupted apply started to create " + intent.address() + " (identity " + intent.identity()
                + "), and the provider could not say whether it exists: " + summaries(r.diagnostics())
                + "\n\nkplan plans nothing until it knows, so that the object is not created twice.", null));
        continue;
      }
      diags.addAll(r.diagnostics().items());
      ResourceAddress address = ra.value();
      switch (r.outcome()) {
        case FOUND:
          ResourceSchema schema = provider.schema().resources().get(intent.resourceType());
          lock.recordResult(intent.id(), new StateChange.Put(instance(intent, pa.value(), schema, r,
              dependencies.getOrDefault(address.config(), Set.of()))));
          lock.closeIntent(intent.id());
          found.add(new InterruptedCreate(address, InterruptedCreate.Outcome.ADOPTED, idOf(r.state())));
          adopted = true;
          break;
        case UNSUPPORTED:
          lock.closeIntent(intent.id());
          InterruptedCreate unknown = new InterruptedCreate(address, InterruptedCreate.Outcome.CANNOT_LOOK_UP, null);
          found.add(unknown);
          diags.add(Diagnostic.warning("Object of an interrupted apply may exist", unknown.note() + ".", null));
          break;
        default:
          lock.closeIntent(intent.id());
          found.add(new InterruptedCreate(address, InterruptedCreate.Outcome.NOT_FOUND, null));
          break;
      }
    }
    return new Result(found, Diagnostics.of(diags), adopted);
  }

  /** The object as the applier would have stored it: typed by the schema, sensitive attributes marked. */
  private static ResourceInstance instance(Intent intent, ProviderAddress pa, ResourceSchema schema, LookupResult r,
      Set<ResourceAddress> dependencies) {
    Value state = ValueMarks.unmarkDeep(r.state());
    Value marked = schema == null ? state : Schemas.markSensitive(schema.block(), state);
    List<String> deps = new ArrayList<>();
    for (ResourceAddress d : new TreeSet<>(dependencies)) {
      deps.add(d.toString());
    }
    return new ResourceInstance(intent.address(), pa.toString(), schema == null ? 0 : schema.version(),
        JsonCodec.encode(state, schema == null ? state.type() : schema.block().impliedType()),
        SensitivePaths.encode(marked), deps, false, r.privateData());
  }

  private static String idOf(Value v) {
    return v instanceof ObjectValue o && o.get("id") instanceof StringValue s ? s.value() : null;
  }

  private static String summaries(Diagnostics d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.items()) {
      if (x.isError()) {
        out.add(x.detail() == null || x.detail().isEmpty() ? x.summary() : x.summary() + ": " + x.detail());
      }
    }
    return String.join("; ", out);
  }
}
