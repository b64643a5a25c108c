package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every line of the shared conformance file whose outermost call is an encoding, crypto,
 * network, filesystem or date/time function, comparing results as JSON.
 */
class FnencConformanceTest {

  static Map<String, FunctionSpec> ourFunctions() {
    FunctionContext ctx = new FunctionContext(Path.of("."),
        Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC), null);
    Map<String, FunctionSpec> fns = new TreeMap<>();
    for (List<FunctionSpec> family : List.of(EncodingFunctions.functions(), CryptoFunctions.functions(),
        NetworkFunctions.functions(), FilesystemFunctions.functions(ctx), DateTimeFunctions.functions(ctx))) {
      family.forEach(f -> fns.put(f.name(), f));
    }
    return fns;
  }

  static Path conformanceFile() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("/work/shared"));
    candidates.add(Path.of("..", "..", "shared"));
    candidates.add(Path.of("..", "shared"));
    for (Path dir : candidates) {
      Path f = dir.resolve("conformance").resolve("expressions.jsonl");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("conformance data not found in " + candidates);
  }

  record Line(String expr, Value expected, boolean error) {}

  static List<Line> ourLines() throws IOException {
    Map<String, FunctionSpec> fns = ourFunctions();
    List<Line> lines = new ArrayList<>();
    for (String raw : Files.readAllLines(conformanceFile())) {
      if (raw.isBlank()) {
        continue;
      }
      ObjectValue o = (ObjectValue) JsonCodec.decode(raw);
      String expr = ((StringValue) o.get("expr")).value();
      int paren = expr.indexOf('(');
      if (paren < 0 || !fns.containsKey(expr.substring(0, paren)) || !expr.endsWith(")")) {
        continue;
      }
      lines.add(new Line(expr, o.get("json"), ((BoolValue) o.get("error")).value()));
    }
    return lines;
  }

  @TestFactory
  Stream<DynamicTest> conformanceLinesForEncodingCryptoNetworkFileAndTimeFunctions() throws IOException {
    Map<String, FunctionSpec> fns = ourFunctions();
    return ourLines().stream().map(line -> DynamicTest.dynamicTest(line.expr(), () -> {
      LiteralCall call = LiteralCall.parse(line.expr());
      FunctionSpec fn = fns.get(call.name());
      if (line.error()) {
        assertThrows(FunctionException.class, () -> fn.call(call.args()));
      } else {
        Value got = fn.call(call.args());
        assertEquals(JsonCodec.encode(line.expected()), JsonCodec.encode(got));
      }
    }));
  }

  @Test
  void coversEveryConformanceLineOfTheseFamilies() throws IOException {
    // 48 lines at the time of writing; the count only grows when the shared file does
    assertTrue(ourLines().size() >= 48, "found " + ourLines().size());
  }
}
