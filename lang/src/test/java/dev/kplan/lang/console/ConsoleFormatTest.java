package dev.kplan.lang.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

  @Test
  void quotesStringsAsGoDoes() {
    assertEquals("\"hello\"", ConsoleFormat.format(Value.string("hello")));
    assertEquals("\"a\\\"b\\\\c\\td\"", ConsoleFormat.format(Value.string("a\"b\\c\td")));
    assertEquals("\"é日本\\u200b\\x01\"", ConsoleFormat.format(Value.string("é日本\u200b\u0001")));
  }

  @Test
  void printsNumbersWithoutExponentOrTrailingZeros() {
    assertEquals("1.5", ConsoleFormat.format(Value.number(new BigDecimal("1.50"))));
    assertEquals("1000", ConsoleFormat.format(Value.number(new BigDecimal("1E+3"))));
    assertEquals("-2", ConsoleFormat.format(Value.number(-2)));
  }

  @Test
  void writesListsSetsAndMapsWithTheirConversionFunction() {
    assertEquals("tolist([\n  \"a\",\n  \"b\",\n])",
        ConsoleFormat.format(Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")))));
    assertEquals("toset([\n  1,\n  2,\n])",
        ConsoleFormat.format(Value.set(Type.NUMBER, List.of(Value.number(2), Value.number(1)))));
    assertEquals("tomap({\n  \"a\" = true\n  \"b\" = false\n})",
        ConsoleFormat.format(Value.map(Type.BOOL, Map.of("b", Value.bool(false), "a", Value.bool(true)))));
    assertEquals("tolist([])", ConsoleFormat.format(Value.list(Type.STRING, List.of())));
  }

  @Test
  void writesTuplesAndObjectsAsLiteralSyntaxNestedWithIndent() {
    Value v = Value.object(Map.of(
        "name", Value.string("web"),
        "ports", Value.tuple(List.of(Value.number(80), Value.object(Map.of()))),
        "tags", Value.map(Type.STRING, Map.of("env", Value.string("prod")))));
    assertEquals(
        "{\n"
            + "  \"name\" = \"web\"\n"
            + "  \"ports\" = [\n"
            + "    80,\n"
            + "    {},\n"
            + "  ]\n"
            + "  \"tags\" = tomap({\n"
            + "    \"env\" = \"prod\"\n"
            + "  })\n"
            + "}",
        ConsoleFormat.format(v));
  }

  @Test
  void writesTypedNullsSoTheTypeStaysVisible() {
    assertEquals("null", ConsoleFormat.format(Value.nullOf(Type.DYNAMIC)));
    assertEquals("tostring(null)", ConsoleFormat.format(Value.nullOf(Type.STRING)));
    assertEquals("tolist(null) /* of number */", ConsoleFormat.format(Value.nullOf(new ListType(Type.NUMBER))));
    assertEquals("toset(null) /* of string */", ConsoleFormat.format(Value.nullOf(new SetType(Type.STRING))));
    assertEquals("tomap(null) /* of bool */", ConsoleFormat.format(Value.nullOf(new MapType(Type.BOOL))));
    assertEquals("null /* object */",
        ConsoleFormat.format(Value.nullOf(new ObjectType(Map.of("a", Type.STRING), Set.of()))));
  }

  @Test
  void hidesSensitiveAndUnknownValues() {
    assertEquals("(sensitive value)", ConsoleFormat.format(Value.string("secret").mark(Marks.SENSITIVE)));
    assertEquals("(known after apply)", ConsoleFormat.format(Value.unknownOf(Type.STRING)));
    assertEquals("[\n  1,\n  (sensitive value),\n]",
        ConsoleFormat.format(Value.tuple(List.of(Value.number(1), Value.number(2).mark(Marks.SENSITIVE)))));
  }

  @Test
  void writesMultiLineStringsAsHeredocsIndentedWhenNested() {
    assertEquals("<<EOT\nline one\nline two\n\nEOT", ConsoleFormat.format(Value.string("line one\nline two\n")));
    assertEquals("<<EOT_\nEOT\nx\nEOT_", ConsoleFormat.format(Value.string("EOT\nx")));
    assertEquals("{\n  \"a\" = <<-EOT\n  x\n  y\n  EOT\n}",
        ConsoleFormat.format(Value.object(Map.of("a", Value.string("x\ny")))));
  }
}
