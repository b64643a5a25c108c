package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.eval.TemplateFileRenderer;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraint;
import dev.kplan.lang.types.TypeConstraints;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The value half of HCL's specification suite: each input is decoded with a small interpreter of
 * its hcldec spec ({@code literal}, {@code object}, {@code attr}, {@code block}, {@code block_list},
 * {@code block_map}, {@code variables}) through our parser and evaluator, converted to
 * {@code result_type}, and compared exactly with {@code result}.
 */
class HclSpecSuiteValuesTest {
  static final FunctionTable FUNCTIONS = functions();

  static FunctionTable functions() {
    AtomicReference<FunctionTable> table = new AtomicReference<>();
    FunctionContext fc = new FunctionContext(Path.of("."),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new TemplateFileRenderer(table::get));
    table.set(FunctionTable.standard(fc));
    return table.get();
  }

  @TestFactory
  Stream<DynamicTest> decodedValuesEqualTheExpectedResults() {
    return SpecSuite.cases().stream().filter(c -> !c.expectsDiagnostics())
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          EvalContext noVars = EvalContext.root(FUNCTIONS, Map.of());
          Map<String, Value> vars = new LinkedHashMap<>();
          Block root = null;
          for (Block b : c.spec().blocks()) {
            if (b.type().equals("variables")) {
              for (Attribute a : b.body().attributes()) {
                vars.put(a.name(), eval(a.expr(), noVars));
              }
            } else {
              root = b;
            }
          }
          EvalContext ctx = EvalContext.root(FUNCTIONS, vars);
          Value decoded = decode(root, c.inputBody(), ctx);
          Expr typeExpr = c.expectation("result_type");
          TypeConstraint type = typeExpr == null ? new TypeConstraint(Type.DYNAMIC, null) : constraint(typeExpr);
          Value actual = type.convert(decoded);
          Expr result = c.expectation("result");
          if (result != null) {
            assertEquals(type.convert(eval(result, noVars)), actual);
          }
        }));
  }

  static TypeConstraint constraint(Expr e) {
    TypeConstraints.Result r = TypeConstraints.parse(e);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics()::toString);
    return r.constraint();
  }

  static Value eval(Expr e, EvalContext ctx) {
    EvalResult r = Evaluator.evaluate(e, ctx);
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    return r.value();
  }

  static Value decode(Block spec, Body body, EvalContext ctx) throws ConversionException {
    switch (spec.type()) {
      case "literal":
        return eval(spec.body().attribute("value").expr(), ctx);
      case "object": {
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (Block child : spec.body().blocks()) {
          attrs.put(child.labels().get(0), decode(child, body, ctx));
        }
        return Value.object(attrs);
      }
      case "attr": {
        TypeConstraint type = constraint(spec.body().attribute("type").expr());
        Attribute a = body.attribute(spec.labels().get(0));
        return a == null ? Value.nullOf(type.type()) : type.convert(eval(a.expr(), ctx));
      }
      case "block": {
        List<Block> blocks = body.blocks(SpecSuite.blockType(spec));
        return blocks.isEmpty() ? Value.nullOf(Type.DYNAMIC) : decode(inner(spec), blocks.get(0).body(), ctx);
      }
      case "block_list": {
        List<Value> items = new ArrayList<>();
        for (Block b : body.blocks(SpecSuite.blockType(spec))) {
          items.add(decode(inner(spec), b.body(), ctx));
        }
        return Value.list(items.isEmpty() ? Type.DYNAMIC : items.get(0).type(), items);
      }
      case "block_map": {
        int labels = ((TupleExpr) spec.body().attribute("labels").expr()).elements().size();
        if (labels != 1) {
          throw new IllegalStateException("block_map with " + labels + " labels is not used by the suite");
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Block b : body.blocks(SpecSuite.blockType(spec))) {
          entries.put(b.labels().get(0), decode(inner(spec), b.body(), ctx));
        }
        Type element = entries.isEmpty() ? Type.DYNAMIC : entries.values().iterator().next().type();
        return Value.map(element, entries);
      }
      default:
        throw new IllegalStateException("hcldec spec kind not used by the suite: " + spec.type());
    }
  }

  private static Block inner(Block spec) {
    return spec.body().blocks().get(0);
  }

  static String str(Value v) {
    return ((StringValue) v).value();
  }
}
