package dev.kplan.lang.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Properties of {@code kplan fmt} over messily written configurations. */
class FormatterPropertyTest {

  @Property(tries = 300, seed = "2611")
  void formattingIsIdempotent(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    String src = TestingConfigs.config(seed);
    String once = Formatter.format(src, "p.kp.hcl").text();
    assertEquals(once, Formatter.format(once, "p.kp.hcl").text(), () -> "input:\n" + src);
  }

  @Property(tries = 300, seed = "1126")
  void formattingKeepsTheStructure(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    String src = TestingConfigs.config(seed);
    ParseResult<Body> before = Parser.parseFile(src, "p.kp.hcl");
    FormatResult formatted = Formatter.format(src, "p.kp.hcl");
    ParseResult<Body> after = Parser.parseFile(formatted.text(), "p.kp.hcl");
    assertFalse(after.diagnostics().hasErrors(), () -> formatted.text());
    assertEquals(shape(before.value()), shape(after.value()), () -> "input:\n" + src + "\noutput:\n" + formatted.text());
  }

  /** Block types with labels and attribute names, in order: what formatting must never change. */
  private static List<String> shape(Body body) {
    List<String> out = new ArrayList<>();
    for (var item : body.items()) {
      if (item instanceof Attribute a) {
        out.add(a.name());
      } else if (item instanceof Block b) {
        out.add(b.type() + b.labels());
        out.addAll(shape(b.body()));
        out.add("}");
      }
    }
    return out;
  }
}
