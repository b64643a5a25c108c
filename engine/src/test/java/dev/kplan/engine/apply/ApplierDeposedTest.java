package dev.kplan.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.state.DeposedObject;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** create_before_destroy keeps the old object deposed until it is destroyed. */
class ApplierDeposedTest {
  final ApplierTest.ThingProvider provider = new ApplierTest.ThingProvider();
  final ApplierTest.RecordingLock lock = new ApplierTest.RecordingLock();

  static final ResourceAddress A = ApplierTest.addr("a");

  static ResourceInstance stored(String name) {
    return new ResourceInstance(A.toString(), ApplierTest.PROVIDER.toString(), 0,
        "{\"id\":\"id-" + name + "\",\"name\":\"" + name + "\"}", "[]", List.of(), false, null);
  }

  /** Replaces the stored object "old" by one named {@code name}, creating first. */
  static ResourceChange replaceWith(String name) {
    return new ResourceChange(A, Action.CREATE_THEN_DELETE, ApplierTest.thing("old", "id-old"),
        ApplierTest.thing(name, null), List.of(), ChangeReason.REPLACE_BY_REQUEST, ApplierTest.PROVIDER,
        Value.object(Map.of("name", Value.string(name), "id", Value.nullOf(Type.STRING))), null, List.of(), null);
  }

  Applier.Result apply(StateSnapshot prior, ResourceChange... changes) {
    Plan plan = new Plan(PlanMode.NORMAL, List.of(changes), List.of(), Map.of(), Diagnostics.NONE, 1, "lineage");
    return Applier.apply(new Applier.Input(plan, Map.of(ApplierTest.PROVIDER, provider), prior, Map.of(), lock,
        (a, s) -> null, 1, e -> { }, Duration.ofSeconds(10)));
  }

  static StateSnapshot withOld() {
    return new StateSnapshot(1, "lineage", Map.of(A.toString(), stored("old")), Map.of());
  }

  @Test
  void theOldObjectIsDeposedBeforeTheNewOneIsCreatedAndRemovedOnceDestroyed() {
    Applier.Result r = apply(withOld(), replaceWith("new"));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertTrue(lock.records.get(0) instanceof StateChange.Depose, lock.records.toString());
    assertTrue(lock.records.get(lock.records.size() - 1) instanceof StateChange.RemoveDeposed, lock.records.toString());
    assertTrue(r.state().deposed().isEmpty());
    assertTrue(r.state().resources().get(A.toString()).attributesJson().contains("id-new"));
  }

  @Test
  void anOldObjectThatCannotBeDestroyedStaysDeposedBesideTheNewOne() {
    provider.during = () -> {
      if (provider.applied.size() == 1) { // the create went through; the delete of the old object fails
        throw new IllegalStateException("the old object is busy");
      }
    };
    Applier.Result r = apply(withOld(), replaceWith("new"));
    assertTrue(r.diagnostics().hasErrors());
    assertTrue(r.state().resources().get(A.toString()).attributesJson().contains("id-new"));
    assertEquals(1, r.state().deposed().size());
    DeposedObject d = r.state().deposed().values().iterator().next();
    assertTrue(d.instance().attributesJson().contains("id-old"));
    assertTrue(d.deposedKey().matches("[0-9a-f]{8}"), d.deposedKey());
  }

  @Test
  void whenTheReplacementIsNotCreatedTheOldObjectIsRestored() {
    Applier.Result r = apply(withOld(), replaceWith("fail-new"));
    assertTrue(r.diagnostics().hasErrors());
    assertTrue(lock.records.get(lock.records.size() - 1) instanceof StateChange.Restore, lock.records.toString());
    assertTrue(r.state().resources().get(A.toString()).attributesJson().contains("id-old"));
    assertTrue(r.state().deposed().isEmpty());
    assertFalse(provider.applied.contains("delete old"));
  }

  @Test
  void aDeposedObjectLeftByAnEarlierApplyIsDestroyed() {
    DeposedObject left = new DeposedObject("0badcafe", stored("older"));
    StateSnapshot prior = new StateSnapshot(1, "lineage", Map.of(A.toString(), stored("old")), Map.of(),
        Map.of(left.id(), left));
    ResourceChange destroy = new ResourceChange(A, Action.DELETE, ApplierTest.thing("older", "id-older"),
        Value.nullOf(ApplierTest.TYPE), List.of(), ChangeReason.NONE, ApplierTest.PROVIDER,
        Value.nullOf(ApplierTest.TYPE), null, List.of(), null, null, "0badcafe");
    Applier.Result r = apply(prior, destroy);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("delete older"), provider.applied);
    assertEquals(List.of(new StateChange.RemoveDeposed(A.toString(), "0badcafe")), lock.records);
    assertTrue(r.state().deposed().isEmpty());
    assertTrue(r.state().resources().containsKey(A.toString()), "the current object is untouched");
  }
}
