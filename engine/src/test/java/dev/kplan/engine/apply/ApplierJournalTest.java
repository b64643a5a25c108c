package dev.kplan.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.IdentityRequest;
import dev.kplan.provider.IdentityResult;
import dev.kplan.state.Intent;
import dev.kplan.state.LockInfo;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The applier's side of the intent journal: the order of the intent, the provider's create, the
 * answer and the close, and what stays open when a step of it fails.
 */
class ApplierJournalTest {
  /** Every journal and state call in order, as text. */
  static final class JournalLock implements StateStore.Lock {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Intent> intents = Collections.synchronizedList(new ArrayList<>());
    boolean refuseResults;

    @Override
    public LockInfo info() {
      return new LockInfo("1", "alice@laptop", "apply", Instant.EPOCH);
    }

    @Override
    public void begin(String who, String command) {}

    @Override
    public void record(StateChange change) {
      calls.add("record " + change.getClass().getSimpleName());
    }

    @Override
    public void recordIntent(Intent intent) {
      intents.add(intent);
      calls.add("intent " + intent.address() + " " + intent.identity());
    }

    @Override
    public void recordResult(String intentId, StateChange change) throws StateException {
      if (refuseResults) {
        throw new StateException("the database went away");
      }
      calls.add("result " + (intents.get(intents.size() - 1).id().equals(intentId) ? "of the intent" : intentId));
    }

    @Override
    public void closeIntent(String intentId) {
      calls.add("close " + (intents.get(intents.size() - 1).id().equals(intentId) ? "the intent" : intentId));
    }

    @Override
    public StateSnapshot commit() {
      throw new UnsupportedOperationException("the applier never commits");
    }

    @Override
    public void close() {}
  }

  /** {@link ApplierTest.ThingProvider} that names its objects, and logs the identity each create is handed. */
  static final class NamedThings extends ApplierTest.ThingProvider {
    IdentityResult.Kind kind = IdentityResult.Kind.REMOTE;
    final List<Map<String, String>> handed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public IdentityResult plannedIdentity(IdentityRequest request) {
      return kind == IdentityResult.Kind.REMOTE
          ? IdentityResult.remote(Map.of("name", name(request.plannedState()), "token", "t-1"))
          : new IdentityResult(kind, Map.of(), Diagnostics.NONE);
    }

    @Override
    public ApplyResult apply(ApplyRequest request) {
      if (request.isCreate()) {
        handed.add(request.identity());
      }
      return super.apply(request);
    }
  }

  final NamedThings provider = new NamedThings();
  final JournalLock lock = new JournalLock();

  Applier.Result apply(ResourceChange... changes) {
    Plan plan = new Plan(PlanMode.NORMAL, List.of(changes), List.of(), Map.of(), Diagnostics.NONE, 0, "lineage");
    return Applier.apply(new Applier.Input(plan, Map.of(ApplierTest.PROVIDER, provider),
        StateSnapshot.empty("lineage"), Map.of(), lock, (a, s) -> null, 1, e -> {}, Duration.ofSeconds(10)));
  }

  @Test
  void aCreateIsJournaledBeforeTheProviderIsAskedAndClosedAfterItsAnswerIsStored() {
    Applier.Result r = apply(ApplierTest.create("web"));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("intent thing_x.web {name=web, token=t-1}", "result of the intent", "close the intent"),
        lock.calls);
    assertEquals(List.of(Map.of("name", "web", "token", "t-1")), provider.handed,
        "the create uses the identity recorded (a client token)");
    Intent i = lock.intents.get(0);
    assertEquals("provider.thing", i.providerAddress());
    assertEquals("thing_x", i.resourceType());
    assertEquals("alice@laptop", i.owner());
  }

  @Test
  void anObjectThatExistsOnlyInTheStateIsNotJournaled() {
    provider.kind = IdentityResult.Kind.NO_REMOTE_OBJECT;
    apply(ApplierTest.create("web"));
    assertEquals(List.of("record Put"), lock.calls);
  }

  @Test
  void aProviderWithoutIdentitiesIsStillJournaledSoThatACrashIsReported() {
    provider.kind = IdentityResult.Kind.UNSUPPORTED;
    apply(ApplierTest.create("web"));
    assertEquals(List.of("intent thing_x.web {}", "result of the intent", "close the intent"), lock.calls);
  }

  @Test
  void aCreateThatMadeNothingClosesItsIntent() {
    Applier.Result r = apply(ApplierTest.create("failing"));
    assertTrue(r.diagnostics().hasErrors());
    assertEquals(List.of("intent thing_x.failing {name=failing, token=t-1}", "close the intent"), lock.calls);
  }

  @Test
  void anAnswerThatCannotBeStoredLeavesTheIntentOpenForTheNextPlan() {
    lock.refuseResults = true;
    Applier.Result r = apply(ApplierTest.create("web"));
    assertTrue(r.failed().contains(ApplierTest.addr("web")));
    assertEquals(List.of("intent thing_x.web {name=web, token=t-1}"), lock.calls);
    assertTrue(r.diagnostics().items().stream().anyMatch(d -> d.detail().contains("next plan looks the object up")),
        r.diagnostics().toString());
  }
}
