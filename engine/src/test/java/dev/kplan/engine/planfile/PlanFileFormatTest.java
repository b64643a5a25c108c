package dev.kplan.engine.planfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFileFormatTest {
  private static final String VERSION = "1.2.3";

  /** A value with every kind in it: unknowns, marks at depth, typed empties, sets with unknowns. */
  static Value tricky() {
    return Value.object(Map.of(
        "id", Value.unknownOf(Type.STRING),
        "secret", Value.string("s3cr3t").mark(Marks.SENSITIVE),
        "n", Value.number(new BigDecimal("12345678901234567890.000000000000000001")),
        "flag", Value.bool(true).mark(Marks.SENSITIVE),
        "empty", Value.list(Type.NUMBER, List.of()),
        "none", Value.nullOf(new ListType(Type.STRING)),
        "set", Value.set(Type.STRING, List.of(Value.string("a"), Value.unknownOf(Type.STRING),
            Value.unknownOf(Type.STRING))),
        "tags", Value.map(Type.STRING, Map.of("k", Value.string("v").mark(Marks.SENSITIVE))),
        "any", Value.tuple(List.of(Value.unknownOf(Type.DYNAMIC), Value.nullOf(Type.DYNAMIC),
            Value.object(Map.of("x", Value.number(1))))),
        "typed", Value.unknownOf(new ObjectType(Map.of("a", Type.BOOL), java.util.Set.of()))
            .mark(Marks.SENSITIVE)));
  }

  static PlanFile sample() {
    ResourceAddress a = ResourceAddress.parse("local_file.note[\"a\"]").value();
    ResourceChange c = new ResourceChange(a, Action.CREATE_THEN_DELETE, Value.object(Map.of("id", Value.string("old"))),
        tricky(), List.of(Path.ROOT.attr("content"), Path.ROOT.attr("tags").index(Value.string("k"))),
        ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE, new ProviderAddress("local", "other"), tricky(), "{\"p\":1}",
        List.of(ResourceAddress.parse("kplan_data.x").value()), ResourceAddress.parse("local_file.note").value());
    Drift d = new Drift(a, Value.object(Map.of("id", Value.string("old"))), Value.nullOf(Type.DYNAMIC),
        List.of(new Attribution(Path.ROOT.attr("data").index(Value.number(0)), "kubectl", "Update",
            Instant.parse("2026-11-25T10:00:00Z"))), DriftCause.DELETED);
    ResourceChange imported = new ResourceChange(ResourceAddress.parse("local_file.adopted").value(), Action.NO_OP,
        Value.object(Map.of("id", Value.string("i"))), Value.object(Map.of("id", Value.string("i"))), List.of(),
        ChangeReason.NONE, new ProviderAddress("local", null), Value.object(Map.of("id", Value.string("i"))), null,
        List.of(), null, "out/a.txt", null);
    ResourceChange deposed = new ResourceChange(a, Action.DELETE, Value.object(Map.of("id", Value.string("older"))),
        Value.nullOf(Type.DYNAMIC), List.of(), ChangeReason.NONE, new ProviderAddress("local", "other"),
        Value.nullOf(Type.DYNAMIC), null, List.of(), null, null, "1a2b3c4d");
    ResourceChange forget = new ResourceChange(ResourceAddress.parse("local_file.kept").value(), Action.FORGET,
        Value.object(Map.of("id", Value.string("k"))), Value.nullOf(Type.DYNAMIC), List.of(),
        ChangeReason.FORGET_BECAUSE_REMOVED, new ProviderAddress("local", null), Value.nullOf(Type.DYNAMIC), null,
        List.of(), null);
    Plan plan = new Plan(PlanMode.DESTROY, List.of(c, imported, forget, deposed), List.of(d),
        Map.of("out", Value.unknownOf(Type.STRING), "pw", Value.string("x").mark(Marks.SENSITIVE)), Diagnostics.NONE,
        7, "lineage-1");
    PlanOptions options = PlanOptions.DEFAULT.withMode(PlanMode.DESTROY).withRefresh(false)
        .withTargets(List.of(ResourceAddress.parse("local_file.note").value()))
        .withReplace(List.of(a)).withParallelism(3);
    return new PlanFile(plan, options, Map.of("token", Value.string("t").mark(Marks.SENSITIVE)),
        Map.of("old", Value.list(Type.STRING, List.of(Value.string("a")))), "sha256:abc");
  }

  @Test
  void aPlanFileReadsBackEqualWithUnknownsMarksAndTypesIntact() {
    PlanFile original = sample();
    PlanFileFormat.ReadResult read =
        PlanFileFormat.read(PlanFileFormat.write(original, VERSION), "p", VERSION);
    assertTrue(read.diagnostics().isEmpty(), read.diagnostics().toString());
    assertEquals(original, read.file());
    assertEquals(tricky(), read.file().plan().changes().get(0).after());
  }

  @Test
  void anotherFormatOrKplanVersionIsRefusedWithADiagnosticNamingIt() {
    String text = new String(PlanFileFormat.write(sample(), VERSION), StandardCharsets.UTF_8);
    PlanFileFormat.ReadResult other = PlanFileFormat.read(text.getBytes(StandardCharsets.UTF_8), "p", "9.9.9");
    assertNull(other.file());
    assertEquals("Saved plan is incompatible", other.diagnostics().items().get(0).summary());
    assertTrue(other.diagnostics().items().get(0).detail().contains("created by kplan 1.2.3, but this is kplan 9.9.9"));

    String future = text.replace("\"kplan_plan_format\" : 1", "\"kplan_plan_format\" : 2");
    PlanFileFormat.ReadResult f = PlanFileFormat.read(future.getBytes(StandardCharsets.UTF_8), "p", VERSION);
    assertTrue(f.diagnostics().items().get(0).detail().contains("uses plan file format 2"),
        f.diagnostics().toString());
  }

  @Test
  void textThatIsNotAPlanOrIsDamagedGivesADiagnosticNotAnException() {
    for (String bad : new String[] {"", "not json", "[1,2]", "{\"format_version\":\"1.2\"}"}) {
      PlanFileFormat.ReadResult r = PlanFileFormat.read(bad.getBytes(StandardCharsets.UTF_8), "x.plan", VERSION);
      assertEquals("Failed to load the plan file", r.diagnostics().items().get(0).summary(), bad);
      assertTrue(r.diagnostics().items().get(0).detail().contains("is not a kplan plan file"), bad);
    }
    String text = new String(PlanFileFormat.write(sample(), VERSION), StandardCharsets.UTF_8);
    String damaged = text.replace("\"lineage\" : \"lineage-1\"", "\"lineage\" : 5");
    PlanFileFormat.ReadResult r = PlanFileFormat.read(damaged.getBytes(StandardCharsets.UTF_8), "x.plan", VERSION);
    assertEquals("The plan file \"x.plan\" is corrupt: plan.lineage: expected a string.",
        r.diagnostics().items().get(0).detail());
  }

  @Test
  void theChecksumFollowsFileNamesAndTextsInNameOrder() {
    String one = ConfigChecksum.of(Map.of("a.kp.hcl", "x", "b.kp.hcl", "y"));
    assertEquals(one, ConfigChecksum.of(new java.util.TreeMap<>(Map.of("b.kp.hcl", "y", "a.kp.hcl", "x"))));
    assertTrue(!one.equals(ConfigChecksum.of(Map.of("a.kp.hcl", "x", "b.kp.hcl", "z"))));
    assertTrue(!one.equals(ConfigChecksum.of(Map.of("a.kp.hcl", "xy", "b.kp.hcl", ""))));
    assertTrue(one.startsWith("sha256:"));
  }
}
