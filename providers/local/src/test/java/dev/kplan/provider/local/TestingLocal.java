package dev.kplan.provider.local;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures: configuration objects and the engine's plan → apply steps, called through the SPI records. */
final class TestingLocal {
  private TestingLocal() {}

  /** A configuration of {@code type} as the engine hands it over: every schema attribute, unset ones null. */
  static ObjectValue config(Provider p, String type, Object... pairs) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], value(pairs[i + 1]));
    }
    return Attrs.complete(p.schema().resources().get(type).block(), values);
  }

  static Value value(Object o) {
    if (o instanceof Value v) {
      return v;
    } else if (o instanceof String s) {
      return Value.string(s);
    } else if (o instanceof Integer n) {
      return Value.number(n);
    } else if (o instanceof Boolean b) {
      return Value.bool(b);
    }
    throw new IllegalArgumentException(String.valueOf(o));
  }

  static Value nothing(Provider p, String type) {
    return Value.nullOf(p.schema().resources().get(type).block().impliedType());
  }

  static PlanResult plan(Provider p, String type, Value prior, ObjectValue config) {
    return p.plan(new PlanRequest(type, prior, config, config, null));
  }

  static ApplyResult apply(Provider p, String type, Value prior, PlanResult plan, ObjectValue config) {
    return p.apply(new ApplyRequest(type, prior, plan.plannedState(), config, plan.plannedPrivate()));
  }

  /** Plans and applies a create; fails the test on diagnostics. */
  static ObjectValue create(Provider p, String type, ObjectValue config) {
    PlanResult plan = plan(p, type, nothing(p, type), config);
    assertFalse(plan.diagnostics().hasErrors(), plan.diagnostics().toString());
    ApplyResult applied = apply(p, type, nothing(p, type), plan, config);
    assertFalse(applied.diagnostics().hasErrors(), applied.diagnostics().toString());
    return (ObjectValue) applied.newState();
  }

  static Value readOne(Provider p, String type, Value prior) {
    ReadResult r = p.read(new ReadRequest(type, List.of(new ReadRequest.Instance(type + ".x", prior, null))));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return r.instances().get(0).liveState();
  }

  static String str(Value object, String name) {
    return ((StringValue) ((ObjectValue) object).get(name)).value();
  }
}
