package dev.kplan.lang.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeConstraintsFromTextTest {
  private static TypeConstraints.Result parse(String text) {
    var parsed = Parser.parseExpression(text, "variables.kp.hcl");
    assertFalse(parsed.diagnostics().hasErrors(), parsed.diagnostics()::toString);
    return TypeConstraints.parse(parsed.value());
  }

  private static TypeConstraint ok(String text) {
    TypeConstraints.Result r = parse(text);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics()::toString);
    return r.constraint();
  }

  @Test
  void readsNestedConstraintsWrittenAsText() {
    assertEquals(new MapType(new ListType(Type.STRING)), ok("map(list(string))").type());
    assertEquals(new TupleType(List.of(Type.STRING, new SetType(Type.DYNAMIC))),
        ok("tuple([string, set(any)])").type());
    assertEquals(new ObjectType(Map.of("name", Type.STRING, "port", Type.NUMBER), Set.of("port")),
        ok("object({ name = string, port = optional(number, 80) })").type());
  }

  @Test
  void appliesDefaultsWrittenAsText() throws Exception {
    TypeConstraint tc = ok("list(object({ name = string, tags = optional(map(string), { team = \"core\" }) }))");
    Value in = new TupleValue(List.of(Value.object(Map.of("name", Value.string("a")))), Marks.NONE);
    Value out = tc.convert(in);
    Value first = dev.kplan.lang.types.CollectionValues.elements(out).get(0);
    assertEquals(Value.string("core"),
        ((dev.kplan.lang.value.MapValue) ((dev.kplan.lang.value.ObjectValue) first).get("tags")).entries().get("team"));
  }

  @Test
  void readsVariableTypesWithTerraformsShorthandsAndLegacyHints() {
    var list = TypeConstraints.parseVariableType(Parser.parseExpression("list", "v").value());
    assertEquals(new ListType(Type.DYNAMIC), list.constraint().type());
    assertFalse(list.diagnostics().hasErrors());
    var quoted = TypeConstraints.parseVariableType(Parser.parseExpression("\"map\"", "v").value());
    assertEquals("Invalid quoted type constraints", quoted.diagnostics().errors().get(0).summary());
    assertTrue(quoted.diagnostics().errors().get(0).detail().endsWith(
        "write map(string) instead to explicitly indicate that the map elements are strings."));
    var other = TypeConstraints.parseVariableType(Parser.parseExpression("\"list(string)\"", "v").value());
    assertEquals("Invalid legacy variable type hint", other.diagnostics().errors().get(0).summary());
    assertEquals(new ObjectType(Map.of("a", Type.STRING)),
        TypeConstraints.parseVariableType(Parser.parseExpression("object({a = string})", "v").value()).constraint().type());
  }

  @Test
  void reportsProblemsWithTheirRanges() {
    TypeConstraints.Result r = parse("list(strin)");
    assertTrue(r.diagnostics().hasErrors());
    var d = r.diagnostics().errors().get(0);
    assertEquals("The keyword \"strin\" is not a valid type specification.", d.detail());
    assertEquals(6, d.subject().startCol());
    assertEquals(11, d.subject().endCol());
    TypeConstraints.Result vars = parse("object({ a = optional(string, var.x) })");
    assertEquals("Variables not allowed", vars.diagnostics().errors().get(0).summary());
  }
}
