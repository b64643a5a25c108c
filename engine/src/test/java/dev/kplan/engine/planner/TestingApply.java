package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Provider;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.util.Map;
import java.util.TreeMap;

/** A sequential stand-in for the applier (which lives in engine.apply), enough to reach "after apply" states in tests. */
final class TestingApply {
  private TestingApply() {}

  static StateSnapshot apply(Plan plan, StateSnapshot prior, Map<ProviderAddress, Provider> providers) {
    Map<String, ResourceInstance> resources = new TreeMap<>(prior.resources());
    for (ResourceChange c : plan.changes()) {
      if (c.previousAddress() != null) {
        ResourceInstance moved = resources.remove(c.previousAddress().toString());
        resources.put(c.address().toString(), new ResourceInstance(c.address().toString(), moved.providerAddress(),
            moved.schemaVersion(), moved.attributesJson(), moved.sensitivePathsJson(), moved.dependencies(),
            moved.tainted(), moved.privateData()));
      }
      if (c.action() == Action.NO_OP || c.action() == Action.READ) {
        continue;
      }
      Provider p = providers.get(c.provider());
      String type = c.address().type();
      Value before = ValueMarks.unmarkDeep(c.before());
      Value after = ValueMarks.unmarkDeep(c.after());
      Value config = ValueMarks.unmarkDeep(c.config());
      if (c.action().destroys()) {
        p.apply(new ApplyRequest(type, before, Value.nullOf(before.type()), Value.nullOf(before.type()), null));
        resources.remove(c.address().toString());
      }
      if (c.action() != Action.DELETE) {
        ApplyResult r = p.apply(new ApplyRequest(type, c.action().isReplace() ? Value.nullOf(after.type()) : before,
            after, config, c.plannedPrivate()));
        resources.put(c.address().toString(), new ResourceInstance(c.address().toString(), c.provider().toString(), 0,
            JsonCodec.encode(r.newState()), SensitivePaths.encode(c.after()),
            c.dependencies().stream().map(Object::toString).toList(), false, r.privateData()));
      }
    }
    return new StateSnapshot(prior.serial() + 1, prior.lineage(), resources, Map.of());
  }
}
