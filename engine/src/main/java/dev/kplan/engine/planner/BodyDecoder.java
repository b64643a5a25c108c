package dev.kplan.engine.planner;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a body into an object of its schema's implied type: every attribute (null when not
 * set) converted to its declared type, nested blocks as their nesting mode says (an absent single
 * block is null, absent repeated blocks an empty collection). Unknown arguments were reported by
 * the schema check and are skipped here.
 */
final class BodyDecoder {
  private BodyDecoder() {}

  static Value decode(Body body, BlockSchema schema, EvalContext ctx, List<Diagnostic> diags) {
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Type want = e.getValue().type();
      Attribute a = body.attribute(e.getKey());
      if (a == null) {
        out.put(e.getKey(), Value.nullOf(want));
        continue;
      }
      EvalResult r = Evaluator.evaluate(a.expr(), ctx);
      diags.addAll(r.diagnostics().items());
      if (r.hasErrors()) {
        out.put(e.getKey(), Value.unknownOf(want));
        continue;
      }
      try {
        out.put(e.getKey(), Convert.convert(r.value(), want));
      } catch (ConversionException ex) {
        diags.add(Diagnostic.error("Incorrect attribute value type",
            "Inappropriate value for attribute \"" + e.getKey() + "\": " + ex.getMessage() + ".", a.expr().range()));
        out.put(e.getKey(), Value.unknownOf(want));
      }
    }
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      NestedBlock nb = e.getValue();
      Type inner = nb.block().impliedType();
      DynamicExpansion.Result expanded = DynamicExpansion.blocks(body, e.getKey(), ctx, diags);
      List<DynamicExpansion.Item> given = expanded.items();
      if (expanded.unknown()) {
        // a dynamic block's for_each is not known yet: so is the whole collection (a single block's object)
        out.put(e.getKey(), Value.unknownOf(switch (nb.nesting()) {
          case SINGLE -> inner;
          case LIST -> new dev.kplan.lang.types.ListType(inner);
          case SET -> new dev.kplan.lang.types.SetType(inner);
          case MAP -> new dev.kplan.lang.types.MapType(inner);
        }));
        continue;
      }
      switch (nb.nesting()) {
        case SINGLE -> out.put(e.getKey(), given.isEmpty()
            ? Value.nullOf(inner) : decode(given.get(0).body(), nb.block(), given.get(0).ctx(), diags));
        case LIST, SET -> {
          List<Value> items = new ArrayList<>();
          for (DynamicExpansion.Item b : given) {
            items.add(decode(b.body(), nb.block(), b.ctx(), diags));
          }
          out.put(e.getKey(), nb.nesting() == NestedBlock.Nesting.LIST
              ? Value.list(inner, items) : Value.set(inner, items));
        }
        case MAP -> {
          Map<String, Value> items = new LinkedHashMap<>();
          for (DynamicExpansion.Item b : given) {
            if (!b.labels().isEmpty()) {
              items.put(b.labels().get(0), decode(b.body(), nb.block(), b.ctx(), diags));
            }
          }
          out.put(e.getKey(), Value.map(inner, items));
        }
        default -> throw new IllegalStateException("nesting " + nb.nesting());
      }
    }
    return Value.object(out);
  }
}
