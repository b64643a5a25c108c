package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of the shared {@code conformance/expressions.jsonl} whose outermost call is a string
 * or sensitivity function (and the {@code indent} template example) give the documented result.
 */
class StringFunctionsConformanceTest {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final Pattern MINE = Pattern.compile(
      "^(lower|upper|title|chomp|indent|format|formatlist|join|split|replace|substr|trimspace|trim|trimprefix"
          + "|trimsuffix|startswith|endswith|strcontains|strrev|regex|regexall|sensitive|nonsensitive|issensitive|ephemeralasnull)\\(.*"
          + "|^\"[^\"]*\\$\\{indent\\(.*");

  private record Line(int number, String expr, JsonNode json, boolean error) {}

  /** {@code kplan.shared.dir} if it holds the data, else {@code /work/shared}, else {@code ../shared}. */
  static Path sharedDir() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Paths.get(prop));
    }
    candidates.add(Paths.get("/work/shared"));
    String root = System.getProperty("kplan.root.dir");
    if (root != null) {
      candidates.add(Paths.get(root, "..", "shared"));
    }
    candidates.add(Paths.get("..", "..", "shared"));
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve("conformance/expressions.jsonl"))) {
        return c;
      }
    }
    throw new IllegalStateException("conformance data not found in " + candidates);
  }

  private static List<Line> lines() throws IOException {
    List<String> raw = Files.readAllLines(sharedDir().resolve("conformance/expressions.jsonl"), StandardCharsets.UTF_8);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).isBlank()) {
        continue;
      }
      JsonNode n = MAPPER.readTree(raw.get(i));
      String expr = n.get("expr").asString();
      if (MINE.matcher(expr).matches()) {
        out.add(new Line(i + 1, expr, n.get("json"), n.path("error").asBoolean(false)));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> givesTheDocumentedResult() throws IOException {
    return lines().stream().map(l -> DynamicTest.dynamicTest("line " + l.number() + ": " + l.expr(), () -> {
      if (l.error()) {
        assertThrows(TestingStringCalls.CallFailed.class, () -> TestingStringCalls.eval(l.expr()));
      } else {
        Value v = TestingStringCalls.eval(l.expr());
        assertEquals(l.json(), MAPPER.readTree(JsonCodec.encode(v)));
      }
    }));
  }

  @Test
  void coversEveryLineForTheseFunctions() throws IOException {
    List<Integer> numbers = lines().stream().map(Line::number).toList();
    assertEquals(List.of(13, 14, 15, 48, 49, 53, 54, 55, 56, 57, 58, 64, 65, 66, 68, 69, 70, 71, 72, 85, 94, 110, 111,
        112, 113, 115, 116, 130, 131, 132, 133, 134, 135, 136, 137, 138, 145, 163, 164, 165, 166, 167, 168), numbers);
  }
}
