package dev.kplan.provider.local;

import static dev.kplan.provider.local.TestingLocal.apply;
import static dev.kplan.provider.local.TestingLocal.config;
import static dev.kplan.provider.local.TestingLocal.create;
import static dev.kplan.provider.local.TestingLocal.nothing;
import static dev.kplan.provider.local.TestingLocal.plan;
import static dev.kplan.provider.local.TestingLocal.readOne;
import static dev.kplan.provider.local.TestingLocal.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KplanDataResourceTest {
  private final Provider p = new KplanProviderFactory().create();
  private final Value input = Value.object(Map.of("a", Value.number(1)));

  @Test
  void createPlansIdAndOutputUnknownThenOutputTakesTheInput() {
    ObjectValue cfg = config(p, "kplan_data", "input", input);
    PlanResult plan = plan(p, "kplan_data", nothing(p, "kplan_data"), cfg);
    ObjectValue planned = (ObjectValue) plan.plannedState();
    assertFalse(planned.get("id").isKnown());
    assertEquals(Value.unknownOf(input.type()), planned.get("output"));
    ObjectValue state = (ObjectValue) apply(p, "kplan_data", nothing(p, "kplan_data"), plan, cfg).newState();
    assertEquals(input, state.get("output"));
    UUID.fromString(str(state, "id"));
    assertEquals(state, readOne(p, "kplan_data", state));
  }

  @Test
  void nullInputPlansANullOutput() {
    PlanResult plan = plan(p, "kplan_data", nothing(p, "kplan_data"), config(p, "kplan_data"));
    assertTrue(((ObjectValue) plan.plannedState()).get("output").isNull());
  }

  @Test
  void changedInputIsAnUpdateWithOutputUnknown() {
    ObjectValue state = create(p, "kplan_data", config(p, "kplan_data", "input", "one"));
    ObjectValue cfg = config(p, "kplan_data", "input", "two");
    PlanResult plan = plan(p, "kplan_data", state, cfg);
    assertTrue(plan.requiresReplace().isEmpty());
    ObjectValue planned = (ObjectValue) plan.plannedState();
    assertEquals(state.get("id"), planned.get("id"));
    assertEquals(Value.unknownOf(Type.STRING), planned.get("output"));
    ObjectValue updated = (ObjectValue) apply(p, "kplan_data", state, plan, cfg).newState();
    assertEquals(Value.string("two"), updated.get("output"));
    assertEquals(state.get("id"), updated.get("id"));
  }

  @Test
  void unchangedConfigurationKeepsTheState() {
    ObjectValue cfg = config(p, "kplan_data", "input", "one", "triggers_replace", "t");
    ObjectValue state = create(p, "kplan_data", cfg);
    PlanResult plan = plan(p, "kplan_data", state, cfg);
    assertTrue(plan.requiresReplace().isEmpty());
    assertEquals(state, plan.plannedState());
  }

  @Test
  void changedTriggersReplace() {
    ObjectValue state = create(p, "kplan_data", config(p, "kplan_data", "triggers_replace", "v1"));
    ObjectValue cfg = config(p, "kplan_data", "triggers_replace", "v2");
    PlanResult plan = plan(p, "kplan_data", state, cfg);
    assertEquals(List.of(Path.ROOT.attr("triggers_replace")), plan.requiresReplace());
    assertFalse(((ObjectValue) plan.plannedState()).get("id").isKnown());
    ObjectValue replaced = (ObjectValue) apply(p, "kplan_data", nothing(p, "kplan_data"), plan, cfg).newState();
    assertNotEquals(state.get("id"), replaced.get("id"));
  }

  @Test
  void whatIsSensitiveInInputIsDeclaredSensitiveInOutputWhenPlanningAndApplying() {
    ObjectValue cfg = config(p, "kplan_data", "input", Value.object(Map.of("password", Value.string("s"), "user", Value.string("u"))));
    List<Path> sensitive = List.of(Path.ROOT.attr("input").attr("password"), Path.ROOT.attr("triggers_replace"));
    Value prior = nothing(p, "kplan_data");
    PlanResult plan = p.plan(new PlanRequest("kplan_data", prior, cfg, cfg, null, sensitive));
    List<Path> expected = List.of(Path.ROOT.attr("output").attr("password"));
    assertEquals(expected, plan.sensitivePaths());
    ApplyResult applied = p.apply(new ApplyRequest("kplan_data", prior, plan.plannedState(), cfg, null, sensitive));
    assertEquals(expected, applied.sensitivePaths());
  }

  @Test
  void aWhollySensitiveInputMakesTheWholeOutputSensitive() {
    ObjectValue cfg = config(p, "kplan_data", "input", "s3cr3t");
    Value prior = nothing(p, "kplan_data");
    PlanResult plan = p.plan(new PlanRequest("kplan_data", prior, cfg, cfg, null, List.of(Path.ROOT.attr("input"))));
    assertEquals(List.of(Path.ROOT.attr("output")), plan.sensitivePaths());
    assertTrue(p.plan(new PlanRequest("kplan_data", prior, cfg, cfg, null)).sensitivePaths().isEmpty());
  }

  @Test
  void importTakesTheId() {
    ObjectValue s = (ObjectValue) p.importResource(new ImportRequest("kplan_data", "abc")).imported().get(0);
    assertEquals("abc", str(s, "id"));
    assertTrue(s.get("input").isNull());
  }
}
