package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every line of the shared conformance data whose outermost function is a collection, numeric or
 * conversion function, parsed and evaluated by the real parser and evaluator with the standard
 * function table, and (except lines that need other families) also with {@link TestingExpressions}
 * so that these functions are checked on their own.
 */
class FunctionConformanceTest {
  static final Set<String> OURS = Set.of("length", "concat", "merge", "lookup", "keys", "values", "contains",
      "element", "index", "flatten", "distinct", "coalesce", "coalescelist", "compact", "range", "zipmap", "slice",
      "sort", "reverse", "setunion", "setintersection", "setsubtract", "setproduct", "chunklist", "transpose",
      "matchkeys", "one", "alltrue", "anytrue", "sum", "min", "max", "abs", "ceil", "floor", "pow", "log", "signum",
      "parseint", "tostring", "tonumber", "tobool", "tolist", "toset", "tomap", "convert");
  /** Lines that call functions of other families inside ours; they need the full function table. */
  static final Set<String> NEEDS_OTHERS = Set.of("length(regexall(\"[a-z]+\", \"1234abcd5678efgh9\"))");
  private static final Pattern OUTER = Pattern.compile("^([a-z0-9_]+)\\(");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Path conformanceFile() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("/work/shared"));
    candidates.add(Path.of("..", "shared"));
    candidates.add(Path.of("..", "..", "shared"));
    for (Path dir : candidates) {
      Path f = dir.resolve("conformance").resolve("expressions.jsonl");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("conformance data not found in " + candidates);
  }

  static List<JsonNode> ourLines() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(conformanceFile())) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      Matcher m = OUTER.matcher(node.get("expr").asString());
      if (m.find() && OURS.contains(m.group(1))) {
        out.add(node);
      }
    }
    return out;
  }

  private static FunctionTable table() {
    Map<String, FunctionSpec> fns = new HashMap<>();
    for (List<FunctionSpec> family : List.of(CollectionFunctions.functions(), NumericFunctions.functions(),
        ConversionFunctions.functions())) {
      for (FunctionSpec f : family) {
        fns.put(f.name(), f);
      }
    }
    return new FunctionTable(fns);
  }

  @TestFactory
  Stream<DynamicTest> conformanceLinesForCollectionNumericAndConversionFunctions() throws IOException {
    FunctionTable table = table();
    return ourLines().stream()
        .filter(n -> !NEEDS_OTHERS.contains(n.get("expr").asString()))
        .map(n -> DynamicTest.dynamicTest(n.get("expr").asString(), () -> check(n, table)));
  }

  @TestFactory
  Stream<DynamicTest> conformanceLinesThroughParserAndEvaluator() throws IOException {
    FunctionTable table = FunctionTable.standard(
        new FunctionContext(Path.of("."), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), null));
    return ourLines().stream()
        .map(n -> DynamicTest.dynamicTest(n.get("expr").asString(), () -> checkEvaluated(n, table)));
  }

  private static void checkEvaluated(JsonNode line, FunctionTable table) {
    String expr = line.get("expr").asString();
    ParseResult<Expr> parsed = Parser.parseExpression(expr, "conformance.hcl");
    assertFalse(parsed.diagnostics().hasErrors(), () -> expr + ": " + parsed.diagnostics());
    EvalResult r = Evaluator.evaluate(parsed.value(), EvalContext.root(table, Map.of()));
    if (line.get("error").asBoolean()) {
      assertTrue(r.hasErrors(), () -> expr + " should fail but gave " + r.value());
      return;
    }
    assertFalse(r.hasErrors(), () -> expr + ": " + r.diagnostics());
    compare(line, expr, r.value());
  }

  @Test
  void coversEveryLineOfOurFunctionsExceptThoseNeedingOtherFamilies() throws IOException {
    long ours = ourLines().size();
    long skipped = ourLines().stream().filter(n -> NEEDS_OTHERS.contains(n.get("expr").asString())).count();
    assertEquals(NEEDS_OTHERS.size(), skipped);
    assertTrue(ours - skipped >= 90, "expected at least 90 covered lines, got " + (ours - skipped));
  }

  private static void check(JsonNode line, FunctionTable table) throws Exception {
    String expr = line.get("expr").asString();
    if (line.get("error").asBoolean()) {
      assertThrows(FunctionException.class, () -> TestingExpressions.evaluate(expr, table));
      return;
    }
    compare(line, expr, TestingExpressions.evaluate(expr, table));
  }

  private static void compare(JsonNode line, String expr, Value v) {
    Object got = toPlain(v);
    Object want = fromJson(line.get("json"));
    boolean unordered = line.has("unordered") && line.get("unordered").asBoolean();
    if (unordered && got instanceof List<?> g && want instanceof List<?> w) {
      got = sorted(g);
      want = sorted(w);
    }
    if (!plainEquals(want, got)) {
      fail(expr + ": expected " + want + " but got " + got + " (" + v + ")");
    }
  }

  private static List<Object> sorted(List<?> l) {
    List<Object> out = new ArrayList<>(l);
    out.sort(Comparator.comparing(String::valueOf));
    return out;
  }

  static Object toPlain(Value v) {
    if (v instanceof NullValue) {
      return null;
    }
    if (v instanceof StringValue s) {
      return s.value();
    }
    if (v instanceof NumberValue n) {
      return n.value();
    }
    if (v instanceof BoolValue b) {
      return b.value();
    }
    if (v instanceof MapValue || v instanceof ObjectValue) {
      Map<String, Object> m = new TreeMap<>();
      Map<String, Value> src = v instanceof MapValue mv ? mv.entries() : ((ObjectValue) v).attributes();
      src.forEach((k, e) -> m.put(k, toPlain(e)));
      return m;
    }
    if (!v.isKnown()) {
      return "<unknown>";
    }
    List<Object> l = new ArrayList<>();
    for (Value e : CtyFunctions.elements(v)) {
      l.add(toPlain(e));
    }
    return l;
  }

  static Object fromJson(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isString()) {
      return n.asString();
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.values().forEach(e -> l.add(fromJson(e)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    n.properties().forEach(e -> m.put(e.getKey(), fromJson(e.getValue())));
    return new TreeMap<>(m);
  }

  static boolean plainEquals(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.subtract(y).abs().compareTo(new BigDecimal("1e-9")) <= 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!plainEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Object k : x.keySet()) {
        if (!plainEquals(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }
}
