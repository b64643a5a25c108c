package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.NumberValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads HCL's specification suite ({@code conformance/hcl-specsuite} in the shared directory): each
 * {@code NAME.hcl} input with its {@code NAME.hcldec} spec and {@code NAME.t} expectations, all
 * three parsed with our own parser.
 */
final class SpecSuite {
  private SpecSuite() {}

  /** One test of the suite. */
  record Case(String name, Path input, String source, Body inputBody, List<Diagnostic> parseDiagnostics, Body spec,
      Body expectations) {

    boolean expectsDiagnostics() {
      return !expectations.blocks("diagnostics").isEmpty();
    }

    /** Expected diagnostics as "severity from-to" with line, column and byte of each end. */
    Set<String> expectedDiagnostics() {
      Set<String> out = new HashSet<>();
      for (Block d : expectations.blocks("diagnostics")) {
        for (Block b : d.body().blocks()) {
          Body from = b.body().blocks("from").get(0).body();
          Body to = b.body().blocks("to").get(0).body();
          out.add(b.type() + " " + num(from, "line") + ":" + num(from, "column") + ":" + num(from, "byte") + "-"
              + num(to, "line") + ":" + num(to, "column") + ":" + num(to, "byte"));
        }
      }
      return out;
    }

    /** A diagnostic in the same notation, with its char offsets turned into UTF-8 byte offsets. */
    String describe(Diagnostic d) {
      SourceRange r = d.subject();
      return (d.isError() ? "error" : "warning") + " " + r.startLine() + ":" + r.startCol() + ":"
          + bytes(r.startOffset()) + "-" + r.endLine() + ":" + r.endCol() + ":" + bytes(r.endOffset());
    }

    private int bytes(int charOffset) {
      return source.substring(0, Math.min(charOffset, source.length())).getBytes(StandardCharsets.UTF_8).length;
    }

    Expr expectation(String name) {
      Attribute a = expectations.attribute(name);
      return a == null ? null : a.expr();
    }
  }

  static Path dir() {
    List<Path> candidates = new ArrayList<>();
    String prop = System.getProperty("kplan.shared.dir");
    if (prop != null) {
      candidates.add(Path.of(prop));
    }
    candidates.add(Path.of("/work/shared"));
    candidates.add(Path.of("..", "..", "shared"));
    candidates.add(Path.of("..", "shared"));
    for (Path c : candidates) {
      Path suite = c.resolve("conformance").resolve("hcl-specsuite");
      if (Files.isDirectory(suite)) {
        return suite;
      }
    }
    throw new IllegalStateException("hcl-specsuite not found; tried " + candidates);
  }

  static List<Case> cases() {
    try (Stream<Path> files = Files.walk(dir())) {
      List<Case> out = new ArrayList<>();
      for (Path input : files.filter(p -> p.getFileName().toString().endsWith(".hcl")).sorted().toList()) {
        String base = input.getFileName().toString().replaceAll("\\.hcl$", "");
        String name = dir().relativize(input.getParent()).resolve(base).toString();
        String source = Files.readString(input, StandardCharsets.UTF_8);
        ParseResult<Body> parsed = Parser.parseFile(source, input.getFileName().toString());
        out.add(new Case(name, input, source, parsed.value(), new ArrayList<>(parsed.diagnostics().items()),
            parseClean(input.resolveSibling(base + ".hcldec")), parseClean(input.resolveSibling(base + ".t"))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Body parseClean(Path p) throws IOException {
    ParseResult<Body> r = Parser.parseFile(Files.readString(p, StandardCharsets.UTF_8), p.getFileName().toString());
    assertFalse(r.hasErrors(), () -> p + ": " + r.diagnostics());
    return r.value();
  }

  private static int num(Body b, String name) {
    return ((NumberValue) ((LiteralExpr) b.attribute(name).expr()).value()).value().intValueExact();
  }

  /**
   * The structural checks hcldec applies before evaluating anything: an {@code object} spec names
   * the arguments a body may set, and any other argument is "Unsupported argument".
   */
  static List<Diagnostic> decodeStructure(Body spec, Body input) {
    List<Diagnostic> out = new ArrayList<>();
    for (Block s : spec.blocks()) {
      checkSpec(s, input, out);
    }
    return out;
  }

  private static void checkSpec(Block spec, Body input, List<Diagnostic> out) {
    switch (spec.type()) {
      case "object" -> {
        Set<String> allowed = new HashSet<>();
        for (Block child : spec.body().blocks()) {
          if (child.type().equals("attr")) {
            allowed.add(child.labels().get(0));
          }
        }
        for (Attribute a : input.attributes()) {
          if (!allowed.contains(a.name())) {
            out.add(Diagnostic.error("Unsupported argument",
                "An argument named \"" + a.name() + "\" is not expected here.", a.nameRange()));
          }
        }
        for (Block child : spec.body().blocks()) {
          if (!child.type().equals("attr")) {
            for (Block b : input.blocks(child.labels().get(0))) {
              for (Block nested : child.body().blocks()) {
                checkSpec(nested, b.body(), out);
              }
            }
          }
        }
      }
      case "block", "block_list", "block_map" -> {
        String type = blockType(spec);
        for (Block b : input.blocks(type)) {
          for (Block nested : spec.body().blocks()) {
            checkSpec(nested, b.body(), out);
          }
        }
      }
      default -> {
        // literal and variables specs place no constraints on the body
      }
    }
  }

  static String blockType(Block spec) {
    if (!spec.labels().isEmpty()) {
      return spec.labels().get(0);
    }
    Attribute t = spec.body().attribute("block_type");
    return ((dev.kplan.lang.value.StringValue) ((LiteralExpr) t.expr()).value()).value();
  }
}
