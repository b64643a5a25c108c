package dev.kplan.provider.local;

import static dev.kplan.provider.local.TestingLocal.config;
import static dev.kplan.provider.local.TestingLocal.create;
import static dev.kplan.provider.local.TestingLocal.nothing;
import static dev.kplan.provider.local.TestingLocal.plan;
import static dev.kplan.provider.local.TestingLocal.readOne;
import static dev.kplan.provider.local.TestingLocal.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomResourcesTest {
  private final Provider p = new RandomProviderFactory().create();

  private static long count(String s, String chars) {
    return s.chars().filter(c -> chars.indexOf(c) >= 0).count();
  }

  @Test
  void stringResultIsUnknownUntilApplyAndDefaultsAreFilledIn() {
    PlanResult plan = plan(p, "random_string", nothing(p, "random_string"), config(p, "random_string", "length", 16));
    ObjectValue planned = (ObjectValue) plan.plannedState();
    assertFalse(planned.get("result").isKnown());
    assertFalse(planned.get("id").isKnown());
    assertEquals(Value.bool(true), planned.get("special"));
    assertEquals(Value.number(0), planned.get("min_upper"));
  }

  @Test
  void stringHonoursLengthAndMinimumCounts() {
    ObjectValue cfg = config(p, "random_string", "length", 12,
        "min_upper", 3, "min_numeric", 3, "min_special", 2, "min_lower", 2);
    for (int i = 0; i < 50; i++) {
      String r = str(create(p, "random_string", cfg), "result");
      assertEquals(12, r.length());
      assertTrue(count(r, RandomStringResource.UPPER) >= 3, r);
      assertTrue(count(r, RandomStringResource.NUMERIC) >= 3, r);
      assertTrue(count(r, RandomStringResource.SPECIAL) >= 2, r);
      assertTrue(count(r, RandomStringResource.LOWER) >= 2, r);
    }
  }

  @Test
  void disabledClassesAreLeftOutAndOverrideSpecialReplacesTheSpecials() {
    ObjectValue lowerOnly = config(p, "random_string", "length", 40,
        "special", false, "upper", false, "numeric", false);
    String r = str(create(p, "random_string", lowerOnly), "result");
    assertEquals(40, count(r, RandomStringResource.LOWER), r);

    ObjectValue underscores = config(p, "random_string", "length", 40,
        "upper", false, "lower", false, "numeric", false, "override_special", "_");
    assertEquals("_".repeat(40), str(create(p, "random_string", underscores), "result"));
  }

  @Test
  void stringIdIsTheResultAndPasswordIdIsNone() {
    ObjectValue s = create(p, "random_string", config(p, "random_string", "length", 8));
    assertEquals(str(s, "result"), str(s, "id"));
    ObjectValue pw = create(p, "random_password", config(p, "random_password", "length", 20));
    assertEquals("none", str(pw, "id"));
    assertEquals(20, str(pw, "result").length());
  }

  @Test
  void sameConfigurationKeepsTheValueAndReadReturnsIt() {
    ObjectValue cfg = config(p, "random_string", "length", 8);
    ObjectValue state = create(p, "random_string", cfg);
    PlanResult plan = plan(p, "random_string", state, cfg);
    assertTrue(plan.requiresReplace().isEmpty());
    assertEquals(state, plan.plannedState());
    assertEquals(state, readOne(p, "random_string", state));
  }

  @Test
  void changedKeepersForceANewValue() {
    Value keepers1 = Value.map(Type.STRING, Map.of("ami", Value.string("a")));
    Value keepers2 = Value.map(Type.STRING, Map.of("ami", Value.string("b")));
    ObjectValue state = create(p, "random_password", config(p, "random_password", "length", 8, "keepers", keepers1));
    PlanResult plan = plan(p, "random_password", state, config(p, "random_password", "length", 8, "keepers", keepers2));
    assertEquals(List.of(Path.ROOT.attr("keepers")), plan.requiresReplace());
    assertFalse(((ObjectValue) plan.plannedState()).get("result").isKnown());
  }

  @Test
  void changedLengthOrFlagForcesANewValue() {
    ObjectValue state = create(p, "random_string", config(p, "random_string", "length", 8));
    assertEquals(List.of(Path.ROOT.attr("length"), Path.ROOT.attr("special")), plan(p, "random_string", state,
        config(p, "random_string", "length", 9, "special", false)).requiresReplace());
  }

  @Test
  void lengthBelowTheMinimumsIsADiagnostic() {
    PlanResult plan = plan(p, "random_string", nothing(p, "random_string"),
        config(p, "random_string", "length", 3, "min_upper", 2, "min_lower", 2));
    assertEquals("Invalid length", plan.diagnostics().errors().get(0).summary());
    assertTrue(plan(p, "random_string", nothing(p, "random_string"), config(p, "random_string", "length", 0))
        .diagnostics().hasErrors());
  }

  @Test
  void noCharacterClassIsADiagnosticUnlessTheMinimumsFillTheLength() {
    ObjectValue none = config(p, "random_string", "length", 4,
        "upper", false, "lower", false, "numeric", false, "special", false);
    assertEquals("No character classes",
        plan(p, "random_string", nothing(p, "random_string"), none).diagnostics().errors().get(0).summary());
    ObjectValue filled = config(p, "random_string", "length", 4, "min_numeric", 4,
        "upper", false, "lower", false, "numeric", false, "special", false);
    String r = str(create(p, "random_string", filled), "result");
    assertEquals(4, count(r, RandomStringResource.NUMERIC), r);
  }

  @Test
  void emptyOverrideSpecialMeansTheDefaultSpecials() {
    ObjectValue cfg = config(p, "random_string", "length", 30,
        "upper", false, "lower", false, "numeric", false, "override_special", "");
    assertEquals(30, count(str(create(p, "random_string", cfg), "result"), RandomStringResource.SPECIAL));
  }

  @Test
  void passwordResultIsSensitiveInTheSchemaOnly() {
    assertTrue(p.schema().resources().get("random_password").block().attributes().get("result").sensitive());
    assertFalse(p.schema().resources().get("random_string").block().attributes().get("result").sensitive());
    ObjectValue pw = create(p, "random_password", config(p, "random_password", "length", 8));
    assertFalse(pw.hasMarksDeep());
  }

  @Test
  void stringImportTakesTheValueWithDefaultArguments() {
    var r = p.importResource(new ImportRequest("random_string", "abc123"));
    ObjectValue s = (ObjectValue) r.imported().get(0);
    assertEquals(Value.number(6), s.get("length"));
    assertEquals("abc123", str(s, "result"));
    assertTrue(plan(p, "random_string", s, config(p, "random_string", "length", 6)).requiresReplace().isEmpty());
  }

  @Test
  void idEncodesTheSameBytesEveryWayWithThePrefix() {
    ObjectValue s = create(p, "random_id", config(p, "random_id", "byte_length", 8, "prefix", "p-"));
    String hex = str(s, "hex");
    assertTrue(hex.startsWith("p-"));
    byte[] bytes = HexFormat.of().parseHex(hex.substring(2));
    assertEquals(8, bytes.length);
    assertArrayEquals(bytes, Base64.getUrlDecoder().decode(str(s, "id")));
    assertEquals("p-" + str(s, "id"), str(s, "b64_url"));
    assertArrayEquals(bytes, Base64.getDecoder().decode(str(s, "b64_std").substring(2)));
    assertEquals(new BigInteger(1, bytes), new BigInteger(str(s, "dec").substring(2)));
  }

  @Test
  void idsDifferAndKeepersReplace() {
    ObjectValue a = create(p, "random_id", config(p, "random_id", "byte_length", 16));
    ObjectValue b = create(p, "random_id", config(p, "random_id", "byte_length", 16));
    assertNotEquals(str(a, "id"), str(b, "id"));
    PlanResult plan = plan(p, "random_id", a, config(p, "random_id", "byte_length", 16,
        "keepers", Value.map(Type.STRING, Map.of("k", Value.string("v")))));
    assertEquals(List.of(Path.ROOT.attr("keepers")), plan.requiresReplace());
    assertFalse(((ObjectValue) plan.plannedState()).get("hex").isKnown());
  }

  @Test
  void idImportsByBase64UrlWithAnOptionalPrefix() {
    ObjectValue s = (ObjectValue) p.importResource(new ImportRequest("random_id", "my-,p-9hUg")).imported().get(0);
    assertEquals("p-9hUg", str(s, "id"));
    assertEquals("my-p-9hUg", str(s, "b64_url"));
    assertEquals(Value.number(4), s.get("byte_length"));
    assertEquals("my-a7ef6152", str(s, "hex"));
    assertTrue(p.importResource(new ImportRequest("random_id", "!!")).diagnostics().hasErrors());
  }
}
