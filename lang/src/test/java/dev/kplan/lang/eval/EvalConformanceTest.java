package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared conformance lines whose outermost construct is the evaluator's (for expressions,
 * templates, operators, indexing, conditionals rather than a function call), parsed and evaluated
 * with Terraform's function table and compared by JSON equality.
 */
class EvalConformanceTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern FUNCTION_CALL = Pattern.compile("^[a-z0-9_]+\\(.*\\)$", Pattern.DOTALL);

  static Path sharedDir() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("/work/shared"));
    candidates.add(Path.of("..", "shared"));
    candidates.add(Path.of("..", "..", "shared"));
    for (Path dir : candidates) {
      if (Files.isDirectory(dir.resolve("conformance"))) {
        return dir;
      }
    }
    throw new IllegalStateException("conformance data not found in " + candidates);
  }

  static List<JsonNode> evaluatorLines() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(sharedDir().resolve("conformance/expressions.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      if (!FUNCTION_CALL.matcher(node.get("expr").asString().strip()).matches()) {
        out.add(node);
      }
    }
    return out;
  }

  @Test
  void theDataHasLinesForTheEvaluator() throws IOException {
    assertTrue(evaluatorLines().size() >= 5);
  }

  @TestFactory
  Stream<DynamicTest> evaluatorLinesGiveTheDocumentedResults() throws IOException {
    return evaluatorLines().stream().map(line -> DynamicTest.dynamicTest(line.get("expr").asString(), () -> {
      EvalResult r = Hcl.eval(line.get("expr").asString(), Map.of());
      if (line.get("error").asBoolean()) {
        assertTrue(r.hasErrors(), "expected an error");
        return;
      }
      assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
      JsonNode actual = JSON.readTree(JsonCodec.encode(r.value()));
      assertJsonEquals(line.get("json"), actual, line.path("unordered").asBoolean(false));
    }));
  }

  static void assertJsonEquals(JsonNode expected, JsonNode actual, boolean unordered) {
    assertTrue(jsonEquals(expected, actual, unordered), () -> "expected " + expected + " but got " + actual);
  }

  static boolean jsonEquals(JsonNode e, JsonNode a, boolean unordered) {
    if (e.isNumber() && a.isNumber()) {
      return e.decimalValue().compareTo(a.decimalValue()) == 0
          || Math.abs(e.doubleValue() - a.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(e.doubleValue()));
    }
    if (e.isArray() && a.isArray()) {
      if (e.size() != a.size()) {
        return false;
      }
      if (!unordered) {
        for (int i = 0; i < e.size(); i++) {
          if (!jsonEquals(e.get(i), a.get(i), false)) {
            return false;
          }
        }
        return true;
      }
      List<JsonNode> rest = new ArrayList<>();
      a.forEach(rest::add);
      for (JsonNode x : e) {
        boolean found = false;
        for (int i = 0; i < rest.size(); i++) {
          if (jsonEquals(x, rest.get(i), false)) {
            rest.remove(i);
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    if (e.isObject() && a.isObject()) {
      if (e.size() != a.size()) {
        return false;
      }
      for (String k : e.propertyNames()) {
        if (!a.has(k) || !jsonEquals(e.get(k), a.get(k), false)) {
          return false;
        }
      }
      return true;
    }
    return e.equals(a);
  }

  @Test
  void jsonComparisonToleratesOrderOnlyWhenUnordered() throws Exception {
    assertTrue(jsonEquals(JSON.readTree("[1,2]"), JSON.readTree("[2,1]"), true));
    assertFalse(jsonEquals(JSON.readTree("[1,2]"), JSON.readTree("[2,1]"), false));
    assertEquals(true, jsonEquals(JSON.readTree("{\"a\":1.0}"), JSON.readTree("{\"a\":1}"), false));
  }
}
