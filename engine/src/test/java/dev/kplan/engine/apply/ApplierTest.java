package dev.kplan.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
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
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.LockInfo;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The applier alone, on hand-made plans, with an in-memory provider and lock. */
class ApplierTest {
  static final ProviderAddress PROVIDER = ProviderAddress.of("thing");
  static final ResourceSchema THING = ResourceSchema.of(BlockSchema.of(Map.of(
      "name", AttributeSchema.required(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING))));
  static final Type TYPE = THING.block().impliedType();

  /** Creates objects with id "id-NAME"; {@code during} runs inside every apply; {@code result} may spoil what it returns. */
  static class ThingProvider implements Provider {
    Runnable during = () -> {};
    UnaryOperator<Value> result = v -> v;
    final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    final List<String> addresses = Collections.synchronizedList(new ArrayList<>());
    java.util.function.Function<dev.kplan.provider.OrderRequest, dev.kplan.provider.OrderResult> ordering =
        r -> dev.kplan.provider.OrderResult.NONE;

    @Override
    public dev.kplan.provider.OrderResult order(dev.kplan.provider.OrderRequest request) {
      return ordering.apply(request);
    }

    @Override
    public ProviderSchema schema() {
      return new ProviderSchema(BlockSchema.EMPTY, Map.of("thing_x", THING), Map.of());
    }

    @Override
    public ConfigureResult configure(ConfigureRequest request) {
      return new ConfigureResult(Diagnostics.NONE);
    }

    @Override
    public ReadResult read(ReadRequest request) {
      return new ReadResult(List.of(), Diagnostics.NONE);
    }

    @Override
    public PlanResult plan(PlanRequest request) {
      return new PlanResult(request.proposedNewState(), List.of(), null, Diagnostics.NONE);
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
      during.run();
      if (request.isDelete()) {
        applied.add("delete " + name(request.priorState()));
        return new ApplyResult(request.plannedState(), null, Diagnostics.NONE);
      }
      String name = name(request.plannedState());
      applied.add("create " + name);
      addresses.add(request.address());
      if (name.startsWith("fail")) {
        return new ApplyResult(Value.nullOf(TYPE), null,
            Diagnostics.of(Diagnostic.error("Creation refused", "The system refused " + name + ".", null)));
      }
      return new ApplyResult(result.apply(thing(name, "id-" + name)), null, Diagnostics.NONE);
    }

    static String name(Value v) {
      return ((dev.kplan.lang.value.StringValue) ((ObjectValue) v).get("name")).value();
    }
  }

  static final class RecordingLock implements StateStore.Lock {
    final List<StateChange> records = Collections.synchronizedList(new ArrayList<>());
    java.util.function.Predicate<StateChange> refuse = c -> false;

    @Override
    public LockInfo info() {
      return new LockInfo("1", "test", "apply", Instant.EPOCH);
    }

    @Override
    public void begin(String who, String command) {}

    @Override
    public void record(StateChange change) throws dev.kplan.state.StateException {
      if (refuse.test(change)) {
        throw new dev.kplan.state.StateException("the database went away");
      }
      records.add(change);
    }

    @Override
    public StateSnapshot commit() {
      throw new UnsupportedOperationException("the applier never commits");
    }

    @Override
    public void close() {}
  }

  final ThingProvider provider = new ThingProvider();
  final RecordingLock lock = new RecordingLock();
  final List<ApplyEvent> events = Collections.synchronizedList(new ArrayList<>());
  final Map<ResourceAddress, Set<ResourceAddress>> deps = new LinkedHashMap<>();
  Replanner replanner = (a, s) -> new Replanner.Result(null, Diagnostics.of(Diagnostic.error("no re-plan", "", null)));

  static Value thing(String name, String id) {
    return Value.object(Map.of("name", Value.string(name),
        "id", id == null ? Value.unknownOf(Type.STRING) : Value.string(id)));
  }

  static ResourceAddress addr(String name) {
    return ResourceAddress.managed("thing_x", name);
  }

  static ResourceChange create(String name) {
    Value after = thing(name, null);
    return new ResourceChange(addr(name), Action.CREATE, Value.nullOf(TYPE), after, List.of(), ChangeReason.NONE,
        PROVIDER, Value.object(Map.of("name", Value.string(name), "id", Value.nullOf(Type.STRING))), null, List.of(), null);
  }

  Applier.Result apply(int parallelism, ResourceChange... changes) {
    Plan plan = new Plan(PlanMode.NORMAL, List.of(changes), List.of(), Map.of(), Diagnostics.NONE, 0, "lineage");
    return Applier.apply(new Applier.Input(plan, Map.of(PROVIDER, provider), StateSnapshot.empty("lineage"), deps,
        lock, replanner, parallelism, events::add, Duration.ofMillis(50)));
  }

  @Test
  void aReplacementWhoseDeleteCannotBeRecordedCreatesNothingNew() {
    lock.refuse = c -> c instanceof StateChange.Remove;
    Value old = thing("a", "id-a");
    ResourceChange replace = new ResourceChange(addr("a"), Action.DELETE_THEN_CREATE, old, thing("a", null), List.of(),
        ChangeReason.REPLACE_BY_REQUEST, PROVIDER, Value.object(Map.of("name", Value.string("a"),
            "id", Value.nullOf(Type.STRING))), null, List.of(), null);

    Applier.Result r = apply(2, replace);

    assertEquals(List.of("delete a"), provider.applied, "the state still holds the old object: no new one is made");
    assertTrue(r.failed().contains(addr("a")));
    assertTrue(r.diagnostics().items().stream().anyMatch(d -> d.summary().equals("Failed to save state")),
        r.diagnostics().toString());
    assertTrue(lock.records.isEmpty());
  }

  @Test
  void theProviderIsToldTheAddressOfTheInstanceItCreates() {
    Applier.Result r = apply(1, create("web"));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("thing_x.web"), provider.addresses, "providers tag new objects with it");
  }

  @Test
  void independentChangesRunInParallel() {
    CyclicBarrier all = new CyclicBarrier(3);
    provider.during = () -> {
      try {
        all.await(5, TimeUnit.SECONDS); // passes only when three applies are in flight at once
      } catch (Exception e) {
        throw new IllegalStateException("not parallel", e);
      }
    };
    Applier.Result r = apply(3, create("a"), create("b"), create("c"));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(3, r.state().resources().size());
    assertEquals(3, lock.records.size());
  }

  @Test
  void aFailureSkipsOnlyItsDependentsAndEveryFinishedChangeIsRecorded() {
    deps.put(addr("after_fail"), Set.of(addr("fail")));
    deps.put(addr("after_ok"), Set.of(addr("ok")));
    Applier.Result r = apply(2, create("fail"), create("after_fail"), create("ok"), create("after_ok"));
    assertTrue(r.diagnostics().hasErrors());
    assertEquals(Set.of(addr("fail")), r.failed());
    assertEquals(List.of("thing_x.after_ok", "thing_x.ok"), new ArrayList<>(r.state().resources().keySet()));
    assertFalse(provider.applied.contains("create after_fail"));
    assertEquals(2, lock.records.size());
    assertTrue(provider.applied.indexOf("create ok") < provider.applied.indexOf("create after_ok"));
  }

  @Test
  void aPostconditionFailingAfterApplySkipsTheDependentsAndKeepsTheObject() {
    deps.put(addr("uses"), Set.of(addr("checked")));
    PostconditionCheck check = (instance, current) -> instance.equals(addr("checked"))
        && current.containsKey("thing_x.checked")
        ? Diagnostics.of(Diagnostic.error("Resource postcondition failed", "The id is wrong.", null))
        : Diagnostics.NONE;
    Plan plan = new Plan(PlanMode.NORMAL, List.of(create("checked"), create("uses"), create("other")), List.of(),
        Map.of(), Diagnostics.NONE, 0, "lineage");
    Applier.Result r = Applier.apply(new Applier.Input(plan, Map.of(PROVIDER, provider),
        StateSnapshot.empty("lineage"), deps, lock, replanner, 2, events::add, Duration.ofMillis(50), check));
    assertEquals(Set.of(addr("checked")), r.failed());
    assertTrue(r.diagnostics().items().stream().anyMatch(d -> d.summary().equals("Resource postcondition failed")));
    assertFalse(provider.applied.contains("create uses"));
    assertEquals(List.of("thing_x.checked", "thing_x.other"), new ArrayList<>(r.state().resources().keySet()));
  }

  @Test
  void aLongChangeReportsThatItIsStillRunning() {
    provider.during = () -> {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    apply(1, create("slow"));
    List<String> messages;
    synchronized (events) { // the "still running" timer thread may still be adding
      messages = events.stream().map(ApplyEvent::message).toList();
    }
    assertEquals("thing_x.slow: Creating...", messages.get(0));
    assertTrue(messages.contains("thing_x.slow: Still creating... [0s elapsed]"), messages.toString());
    assertEquals("thing_x.slow: Creation complete after 0s [id=id-slow]", messages.get(messages.size() - 1));
  }

  @Test
  void anAppliedStateThatContradictsThePlanIsAProviderBugButIsStillRecorded() {
    provider.result = v -> Value.object(Map.of("name", Value.string("renamed"), "id", ((ObjectValue) v).get("id")));
    Applier.Result r = apply(1, create("a"));
    assertEquals("Provider produced inconsistent result after apply", r.diagnostics().items().get(0).summary());
    assertTrue(r.diagnostics().items().get(0).detail().contains(".name"), r.diagnostics().items().get(0).detail());
    assertEquals(1, lock.records.size()); // the object exists: the state must say so
  }

  @Test
  void unknownPlannedValuesArePlannedAgainAndMustKeepWhatWasKnown() {
    Value unknownName = Value.object(Map.of("name", Value.unknownOf(Type.STRING), "id", Value.unknownOf(Type.STRING)));
    ResourceChange pending = new ResourceChange(addr("later"), Action.CREATE, Value.nullOf(TYPE), unknownName, List.of(),
        ChangeReason.NONE, PROVIDER, Value.object(Map.of("name", Value.unknownOf(Type.STRING),
            "id", Value.nullOf(Type.STRING))), null, List.of(), null);
    replanner = (a, s) -> new Replanner.Result(create("known-now"), Diagnostics.NONE);
    Applier.Result r = apply(1, pending);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("create known-now"), provider.applied);

    ResourceChange partlyKnown = create("fixed");
    ResourceChange withUnknownConfig = new ResourceChange(partlyKnown.address(), Action.CREATE, partlyKnown.before(),
        partlyKnown.after(), List.of(), ChangeReason.NONE, PROVIDER, unknownName, null, List.of(), null);
    replanner = (a, s) -> new Replanner.Result(create("other"), Diagnostics.NONE);
    Applier.Result bad = apply(1, withUnknownConfig);
    assertEquals("Provider produced inconsistent final plan", bad.diagnostics().items().get(0).summary());
    assertFalse(provider.applied.contains("create other"));
  }

  @Test
  void aLongDependencyChainIsAppliedInOrder() {
    int n = 3000;
    ResourceChange[] changes = new ResourceChange[n];
    for (int i = 0; i < n; i++) {
      changes[i] = create("n" + i);
      if (i > 0) {
        deps.put(addr("n" + i), Set.of(addr("n" + (i - 1))));
      }
    }
    Applier.Result r = apply(10, changes);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(n, r.state().resources().size());
    for (int i = 0; i < n; i++) {
      assertEquals("create n" + i, provider.applied.get(i));
    }
  }

  @Test
  void deletesRunInReverseDependencyOrder() {
    deps.put(addr("top"), Set.of(addr("base")));
    ResourceChange delBase = new ResourceChange(addr("base"), Action.DELETE, thing("base", "id-base"),
        Value.nullOf(TYPE), List.of(), ChangeReason.NONE, PROVIDER, Value.nullOf(TYPE), null, List.of(), null);
    ResourceChange delTop = new ResourceChange(addr("top"), Action.DELETE, thing("top", "id-top"),
        Value.nullOf(TYPE), List.of(), ChangeReason.NONE, PROVIDER, Value.nullOf(TYPE), null, List.of(), null);
    Applier.Result r = apply(4, delBase, delTop);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("delete top", "delete base"), provider.applied);
    assertEquals(List.of(new StateChange.Remove("thing_x.top"), new StateChange.Remove("thing_x.base")), lock.records);
  }

  /** The provider orders every instance named "app…" after every instance named "ns…". */
  void namespacesFirst() {
    provider.ordering = r -> {
      List<dev.kplan.provider.OrderResult.Edge> edges = new ArrayList<>();
      for (var a : r.instances()) {
        for (var b : r.instances()) {
          if (ThingProvider.name(a.value()).startsWith("app") && ThingProvider.name(b.value()).startsWith("ns")) {
            edges.add(new dev.kplan.provider.OrderResult.Edge(a.address(), b.address()));
          }
        }
      }
      return new dev.kplan.provider.OrderResult(edges);
    };
  }

  static ResourceChange createAt(ResourceAddress a, String name) {
    ResourceChange c = create(name);
    return new ResourceChange(a, c.action(), c.before(), c.after(), List.of(), ChangeReason.NONE, PROVIDER,
        c.config(), null, List.of(), null);
  }

  @Test
  void aProvidersImplicitOrderingAppliesInstancesOfOneResourceInOrder() {
    namespacesFirst();
    ResourceAddress all = ResourceAddress.managed("thing_x", "all");
    Applier.Result r = apply(1,
        createAt(all.instance(InstanceKey.of("a")), "app"),
        createAt(all.instance(InstanceKey.of("z")), "ns"));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("create ns", "create app"), provider.applied);
  }

  @Test
  void aProvidersImplicitOrderingDeletesTheDependentFirst() {
    namespacesFirst();
    ResourceChange delNs = new ResourceChange(addr("a-ns"), Action.DELETE, thing("ns", "id-ns"),
        Value.nullOf(TYPE), List.of(), ChangeReason.NONE, PROVIDER, Value.nullOf(TYPE), null, List.of(), null);
    ResourceChange delApp = new ResourceChange(addr("z-app"), Action.DELETE, thing("app", "id-app"),
        Value.nullOf(TYPE), List.of(), ChangeReason.NONE, PROVIDER, Value.nullOf(TYPE), null, List.of(), null);
    Applier.Result r = apply(1, delNs, delApp);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("delete app", "delete ns"), provider.applied);
  }
}
