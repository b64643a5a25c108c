package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every expression of {@code golden/functions/string-functions.tofu.jsonl} gives what real
 * OpenTofu printed for it (recorded by {@link RecordStringGoldens}): the same JSON, the same error
 * text, or a sensitive value where OpenTofu shows {@code (sensitive value)}.
 */
class StringFunctionsGoldenTest {
  private record Golden(String expr, String value, String error, String opaque) {
    /** Without the goroutine dump that follows a Go panic's message. */
    Golden comparable() {
      String e = error;
      if (e != null) {
        int dump = e.indexOf(" goroutine ");
        if (dump >= 0) {
          e = e.substring(0, dump) + ".";
        }
      }
      return new Golden(expr, value, e, opaque);
    }
  }

  /** kplan's numbers are BigDecimal, which has no negative zero; cty's big.Float has one. */
  private static final java.util.regex.Pattern NEGATIVE_ZERO =
      java.util.regex.Pattern.compile("(^|[^\\w.])-0(\\.0+)?([^\\w.]|$)");

  private static List<Golden> goldens() throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    List<Golden> out = new ArrayList<>();
    for (String line : Files.readAllLines(RecordStringGoldens.GOLDEN, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      out.add(new Golden(n.get("expr").asString(), text(n, "value"), text(n, "error"), text(n, "opaque")));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null ? null : v.asString();
  }

  /** The expression's outcome in OpenTofu's words, or null when this reader cannot evaluate it. */
  private static Golden evaluate(String expr) {
    try {
      Value v = TestingStringCalls.eval(expr);
      if (v.hasMarksDeep()) {
        return new Golden(expr, null, null, "(sensitive value)");
      }
      return new Golden(expr, JsonCodec.encode(v), null, null);
    } catch (TestingStringCalls.CallFailed e) {
      return new Golden(expr, null, e.getMessage(), null);
    } catch (TestingStringCalls.Unsupported e) {
      return null;
    }
  }

  @TestFactory
  Stream<DynamicTest> givesWhatOpenTofuGives() throws IOException {
    return goldens().stream()
        .filter(g -> !NEGATIVE_ZERO.matcher(g.expr()).find() && evaluate(g.expr()) != null)
        .map(g -> DynamicTest.dynamicTest(g.expr(),
            () -> assertEquals(g.comparable(), evaluate(g.expr()).comparable())));
  }

  @Test
  void coversNearlyAllRecordedExpressions() throws IOException {
    List<Golden> all = goldens();
    List<String> skipped = new ArrayList<>();
    for (Golden g : all) {
      if (evaluate(g.expr()) == null) {
        skipped.add(g.expr());
      }
    }
    assertTrue(all.size() > 900, "recorded " + all.size());
    // the rest need functions of other families or argument-count checks the evaluator makes
    if (skipped.size() > all.size() / 5) {
      fail(skipped.size() + " of " + all.size() + " not evaluated, e.g. " + skipped.subList(0, 20));
    }
  }
}
