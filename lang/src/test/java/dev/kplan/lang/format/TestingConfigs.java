package dev.kplan.lang.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Messily written configurations for formatter properties: blocks with bare or quoted labels,
 * attributes whose values are expressions of the differential corpus, comments, and random
 * spacing and indentation. Deterministic for a seed.
 */
final class TestingConfigs {
  private static final List<String> EXPRESSIONS = corpus();
  private static final List<String> BLOCKS = List.of("resource", "data", "variable", "locals", "output", "module", "lifecycle", "ingress");
  private static final List<String> NAMES = List.of("name", "count", "tags", "replicas", "image", "a", "long_attribute_name", "x1");

  private TestingConfigs() {}

  private static List<String> corpus() {
    try {
      // multi-line and heredoc-free expressions keep one attribute per line, as configurations have them
      return Files.readAllLines(Path.of("src/test/resources/differential/corpus.txt"), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.contains("<<") && !l.contains("\\n") && l.length() < 120)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String config(long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    int blocks = 1 + r.nextInt(3);
    for (int b = 0; b < blocks; b++) {
      block(r, sb, 0);
      sb.append(r.nextInt(3) == 0 ? "\n\n" : "\n");
    }
    return sb.toString();
  }

  private static void block(Random r, StringBuilder sb, int depth) {
    indent(r, sb, depth);
    String type = BLOCKS.get(r.nextInt(BLOCKS.size()));
    sb.append(type);
    int labels = type.equals("resource") || type.equals("data") ? 2 : type.equals("locals") || type.equals("lifecycle") || type.equals("ingress") ? 0 : 1;
    for (int i = 0; i < labels; i++) {
      String label = "l" + r.nextInt(100);
      sb.append(' ').append(r.nextBoolean() ? label : "\"" + label + "\"");
    }
    sb.append(spaces(r)).append("{");
    if (r.nextInt(5) == 0) {
      sb.append(" # opening comment");
    }
    sb.append('\n');
    int items = r.nextInt(6);
    for (int i = 0; i < items; i++) {
      if (depth < 2 && r.nextInt(5) == 0) {
        block(r, sb, depth + 1);
        continue;
      }
      if (r.nextInt(8) == 0) {
        sb.append('\n');
      }
      if (r.nextInt(8) == 0) {
        indent(r, sb, depth + 1);
        sb.append("# a comment line\n");
      }
      indent(r, sb, depth + 1);
      sb.append(NAMES.get(r.nextInt(NAMES.size())) + (i > 0 ? i : "")).append(spaces(r)).append('=').append(spaces(r));
      sb.append(EXPRESSIONS.get(r.nextInt(EXPRESSIONS.size())));
      if (r.nextInt(6) == 0) {
        sb.append(spaces(r)).append(r.nextBoolean() ? "# trailing" : "// trailing");
      }
      sb.append('\n');
    }
    indent(r, sb, depth);
    sb.append("}\n");
  }

  private static void indent(Random r, StringBuilder sb, int depth) {
    int n = Math.max(0, depth * 2 + r.nextInt(3) - 1);
    sb.append(r.nextInt(10) == 0 ? "\t".repeat(depth) : " ".repeat(n));
  }

  private static String spaces(Random r) {
    return " ".repeat(r.nextInt(3));
  }
}
