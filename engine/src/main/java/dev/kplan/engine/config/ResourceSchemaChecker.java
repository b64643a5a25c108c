package dev.kplan.engine.config;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.diag.Suggestions;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a resource, data source or provider body against the provider's schema before anything
 * is evaluated, in Terraform's words: unsupported arguments and blocks (with "Did you mean"),
 * arguments only the provider may set, missing required arguments, and nested blocks by nesting
 * mode (labels, at most one of a single block, item limits).
 */
public final class ResourceSchemaChecker {
  private ResourceSchemaChecker() {}

  /** Problems with {@code body}; {@code owner} is the block it belongs to, for "missing" diagnostics. */
  public static List<Diagnostic> check(Body body, BlockSchema schema, SourceRange owner) {
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, List<Block>> blocks = new HashMap<>();
    java.util.Set<String> dynamic = new java.util.HashSet<>(); // how many blocks these make is known only later
    for (BodyItem item : body.items()) {
      if (item instanceof Attribute a) {
        AttributeSchema as = schema.attributes().get(a.name());
        if (as == null) {
          String detail = schema.blocks().containsKey(a.name())
              ? "An argument named \"" + a.name() + "\" is not expected here. Did you mean to define a block of type \""
                  + a.name() + "\"?"
              : "An argument named \"" + a.name() + "\" is not expected here."
                  + Suggestions.didYouMean(a.name(), schema.attributes().keySet());
          diags.add(Diagnostic.error("Unsupported argument", detail, a.nameRange()));
        } else if (as.computed() && !as.optional()) {
          diags.add(Diagnostic.error("Value for unconfigurable attribute",
              "Can't configure a value for \"" + a.name() + "\": its value will be decided automatically based on"
                  + " the result of applying this configuration.", a.nameRange()));
        }
      } else if (item instanceof Block b && b.type().equals(DynamicBlock.TYPE)
          && !schema.blocks().containsKey(DynamicBlock.TYPE)) {
        checkDynamic(b, schema, diags, dynamic);
      } else if (item instanceof Block b) {
        NestedBlock nb = schema.blocks().get(b.type());
        if (nb == null) {
          String detail = schema.attributes().containsKey(b.type())
              ? "Blocks of type \"" + b.type() + "\" are not expected here. Did you mean to define argument \""
                  + b.type() + "\"? If so, use the equals sign to assign it a value."
              : "Blocks of type \"" + b.type() + "\" are not expected here."
                  + Suggestions.didYouMean(b.type(), schema.blocks().keySet());
          diags.add(Diagnostic.error("Unsupported block type", detail, b.typeRange()));
          continue;
        }
        int labels = nb.nesting() == NestedBlock.Nesting.MAP ? 1 : 0;
        if (b.labels().size() != labels) {
          diags.add(labels == 0
              ? Diagnostic.error("Extraneous label for " + b.type(),
                  "No labels are expected for " + b.type() + " blocks.", b.labelRanges().get(0))
              : Diagnostic.error("Missing key for " + b.type(),
                  "All " + b.type() + " blocks must have 1 labels (key).", b.typeRange()));
        }
        blocks.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(b);
        diags.addAll(check(b.body(), nb.block(), b.openBraceRange() == null ? b.range() : b.openBraceRange()));
      }
    }
    schema.attributes().forEach((name, as) -> {
      if (as.required() && body.attribute(name) == null) {
        diags.add(Diagnostic.error("Missing required argument",
            "The argument \"" + name + "\" is required, but no definition was found.",
            owner == null ? body.range() : owner));
      }
    });
    schema.blocks().forEach((name, nb) -> {
      List<Block> given = blocks.getOrDefault(name, List.of());
      if (dynamic.contains(name)) {
        return;
      }
      if (nb.nesting() == NestedBlock.Nesting.SINGLE && given.size() > 1) {
        diags.add(Diagnostic.error("Duplicate " + name + " block",
            "Only one \"" + name + "\" block is allowed. Another was defined at " + at(given.get(0).range()) + ".",
            given.get(1).typeRange()));
      } else if (nb.minItems() > 0 && given.size() < nb.minItems()) {
        diags.add(Diagnostic.error("Insufficient " + name + " blocks",
            "At least " + nb.minItems() + " \"" + name + "\" blocks are required.",
            owner == null ? body.range() : owner));
      } else if (nb.maxItems() > 0 && given.size() > nb.maxItems()) {
        diags.add(Diagnostic.error("Too many " + name + " blocks",
            "No more than " + nb.maxItems() + " \"" + name + "\" blocks are allowed",
            given.get(nb.maxItems()).typeRange()));
      }
    });
    return diags;
  }

  /** A {@code dynamic "name"} block: its own shape, then its content as a block of type {@code name}. */
  private static void checkDynamic(Block b, BlockSchema schema, List<Diagnostic> diags, java.util.Set<String> dynamic) {
    DynamicBlock d = DynamicBlock.parse(b, diags);
    if (d == null) {
      return;
    }
    NestedBlock nb = schema.blocks().get(d.name());
    if (nb == null) {
      diags.add(Diagnostic.error("Unsupported block type",
          "Blocks of type \"" + d.name() + "\" are not expected here."
              + Suggestions.didYouMean(d.name(), schema.blocks().keySet()), b.labelRanges().get(0)));
      return;
    }
    int labels = nb.nesting() == NestedBlock.Nesting.MAP ? 1 : 0;
    if (d.labels().size() != labels) {
      diags.add(Diagnostic.error("Incorrect number of labels",
          "Blocks of type \"" + d.name() + "\" need " + labels + " label" + (labels == 1 ? "" : "s")
              + "; the dynamic block's labels argument gives " + d.labels().size() + ".", b.labelRanges().get(0)));
    }
    dynamic.add(d.name());
    diags.addAll(check(d.content(), nb.block(), b.openBraceRange() == null ? b.range() : b.openBraceRange()));
  }

  private static String at(SourceRange r) {
    return r == null ? "?" : r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endCol();
  }
}
