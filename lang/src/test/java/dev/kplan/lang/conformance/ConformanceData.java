package dev.kplan.lang.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The shared conformance expressions ({@code conformance/expressions.jsonl}), read in place. */
final class ConformanceData {
  /** One line: the expression and what Terraform's docs say it gives. */
  record Line(int number, String expr, JsonNode json, boolean error, String source, boolean unordered, String dialect) {
    String expectedJson() {
      return JsonEquivalence.write(json);
    }
  }

  private ConformanceData() {}

  /** {@code kplan.shared.dir} when it exists, else {@code /work/shared}, else {@code ../shared} from the project root. */
  static Path sharedDir() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null && !prop.isBlank()) {
      candidates.add(Paths.get(prop));
    }
    candidates.add(Paths.get("/work/shared"));
    TofuConsole.projectRoot().ifPresent(root -> candidates.add(root.resolve("../shared")));
    candidates.add(Paths.get("../../shared"));
    for (Path c : candidates) {
      if (Files.isRegularFile(c.resolve("conformance/expressions.jsonl"))) {
        return c.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("conformance data not found; looked in " + candidates);
  }

  static List<Line> expressions() {
    Path file = sharedDir().resolve("conformance/expressions.jsonl");
    try {
      List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<Line> lines = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        String text = raw.get(i).strip();
        if (text.isEmpty()) {
          continue;
        }
        JsonNode n = JsonEquivalence.parse(text);
        lines.add(
            new Line(
                i + 1,
                n.get("expr").asString(),
                n.get("json"),
                n.path("error").asBoolean(false),
                n.path("source").asString(""),
                n.path("unordered").asBoolean(false),
                n.path("dialect").asString("")));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
