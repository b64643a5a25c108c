package dev.kplan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import dev.kplan.provider.UnmanagedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnmanagedScanTest {
  /** A provider that only answers listUnmanaged (or not at all), remembering what it was asked. */
  static class Scanning implements Provider {
    final boolean supported;
    final List<UnmanagedRequest> asked = new ArrayList<>();

    Scanning(boolean supported) {
      this.supported = supported;
    }

    @Override public ProviderSchema schema() { throw new UnsupportedOperationException(); }
    @Override public ConfigureResult configure(ConfigureRequest r) { throw new UnsupportedOperationException(); }
    @Override public ReadResult read(ReadRequest r) { throw new UnsupportedOperationException(); }
    @Override public PlanResult plan(PlanRequest r) { throw new UnsupportedOperationException(); }
    @Override public ApplyResult apply(ApplyRequest r) { throw new UnsupportedOperationException(); }

    @Override
    public UnmanagedResult listUnmanaged(UnmanagedRequest request) {
      asked.add(request);
      return supported ? new UnmanagedResult(true, List.of(new UnmanagedObject("thing", "ns/debug", "Thing ns/debug")),
          Diagnostics.NONE) : UnmanagedResult.UNSUPPORTED;
    }
  }

  static ResourceChange change(String address, Action action, Value before, Value after, ProviderAddress p) {
    return new ResourceChange(ResourceAddress.parse(address).value(), action, before, after, List.of(),
        ChangeReason.NONE, p, Value.object(Map.of()), null, List.of(), null);
  }

  @Test
  void eachProviderGetsTheScopesAndItsOwnManagedInstancesAndItsFindingsAreNamed() {
    ProviderAddress a = ProviderAddress.of("thing");
    ProviderAddress b = ProviderAddress.of("other");
    Value stored = Value.object(Map.of("name", Value.string("web")));
    Value planned = Value.object(Map.of("name", Value.string("new")));
    Plan plan = new Plan(PlanMode.NORMAL, List.of(
        change("thing.web", Action.NO_OP, stored, stored, a),
        change("thing.new", Action.CREATE, Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC), planned, a),
        change("other.x", Action.NO_OP, stored, stored, b)), List.of(), Map.of(), Diagnostics.NONE, 1, "l");
    Scanning thing = new Scanning(true);
    Scanning other = new Scanning(false);

    UnmanagedScan scan = UnmanagedScan.run(Map.of(a, thing, b, other), plan, List.of("ns"));

    assertEquals(List.of("ns"), thing.asked.get(0).scopes());
    assertEquals(List.of("thing.web", "thing.web", "thing.new"),
        thing.asked.get(0).managed().stream().map(UnmanagedRequest.Managed::address).toList());
    assertEquals(List.of("other.x", "other.x"),
        other.asked.get(0).managed().stream().map(UnmanagedRequest.Managed::address).toList());
    assertEquals(1, scan.findings().size());
    assertEquals("provider.thing", scan.findings().get(0).provider());
    assertEquals("ns/debug", scan.findings().get(0).object().id());
    assertTrue(scan.diagnostics().items().isEmpty());
  }

  @Test
  void withoutAnyProviderThatCanListTheScanWarns() {
    Plan plan = new Plan(PlanMode.NORMAL, List.of(), List.of(), Map.of(), Diagnostics.NONE, 1, "l");
    UnmanagedScan scan = UnmanagedScan.run(Map.of(ProviderAddress.of("x"), new Scanning(false)), plan, List.of("ns"));
    assertTrue(scan.findings().isEmpty());
    assertEquals("Unmanaged objects not listed", scan.diagnostics().items().get(0).summary());
  }
}
