package dev.kplan.engine.config;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;

/** Checks a body against a {@link BodySchema}, reporting every problem at once in Terraform's words. */
final class BodyChecker {
  private BodyChecker() {}

  static List<Diagnostic> check(Body body, BodySchema schema, Block owner) {
    List<Diagnostic> diags = new ArrayList<>();
    for (BodyItem item : body.items()) {
      if (item instanceof Attribute a) {
        if (!schema.arguments().contains(a.name())) {
          String detail = schema.blocks().containsKey(a.name())
              ? "An argument named \"" + a.name() + "\" is not expected here. Did you mean to define a block of type \"" + a.name() + "\"?"
              : "An argument named \"" + a.name() + "\" is not expected here."
                  + Suggestions.didYouMean(a.name(), schema.arguments());
          diags.add(Diagnostic.error("Unsupported argument", detail, a.nameRange()));
        }
      } else if (item instanceof Block b) {
        BodySchema.BlockType type = schema.blocks().get(b.type());
        if (type == null) {
          String detail = schema.arguments().contains(b.type())
              ? "Blocks of type \"" + b.type() + "\" are not expected here. Did you mean to define argument \"" + b.type() + "\"? If so, use the equals sign to assign it a value."
              : "Blocks of type \"" + b.type() + "\" are not expected here."
                  + Suggestions.didYouMean(b.type(), schema.blocks().keySet());
          diags.add(Diagnostic.error("Unsupported block type", detail, b.typeRange()));
          continue;
        }
        diags.addAll(checkLabels(b, type));
        if (type.body() != null) {
          diags.addAll(check(b.body(), type.body(), b));
        }
      }
    }
    for (String req : schema.required()) {
      if (body.attribute(req) == null) {
        diags.add(Diagnostic.error(
            "Missing required argument",
            "The argument \"" + req + "\" is required, but no definition was found.",
            owner == null ? body.range() : owner.openBraceRange() == null ? owner.range() : owner.openBraceRange()));
      }
    }
    return diags;
  }

  static List<Diagnostic> checkLabels(Block b, BodySchema.BlockType type) {
    int want = type.labels().size();
    int got = b.labels().size();
    if (got == want) {
      return List.of();
    }
    String names = String.join(", ", type.labels());
    if (got < want) {
      String missing = type.labels().get(got);
      return List.of(Diagnostic.error(
          "Missing " + missing + " for " + b.type(),
          "All " + b.type() + " blocks must have " + want + " labels (" + names + ").",
          b.openBraceRange() == null ? b.typeRange() : b.openBraceRange()));
    }
    return List.of(Diagnostic.error(
        "Extraneous label for " + b.type(),
        want == 0
            ? "No labels are expected for " + b.type() + " blocks."
            : "Only " + want + " labels (" + names + ") are expected for " + b.type() + " blocks.",
        b.labelRanges().get(want)));
  }
}
