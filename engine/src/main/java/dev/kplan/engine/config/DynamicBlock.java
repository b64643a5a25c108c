package dev.kplan.engine.config;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code dynamic "name" { for_each = …  iterator = …  labels = […]  content { … } }} block, as
 * HCL's dynblock extension reads it: it stands for one {@code name} block per element of
 * {@code for_each}, each with {@code content} as its body, evaluated with {@code iterator} (by
 * default the block's name) bound to {@code {key, value}}.
 */
public record DynamicBlock(String name, Expr forEach, String iterator, List<Expr> labels, Body content, Block block) {
  public static final String TYPE = "dynamic";

  public DynamicBlock {
    Objects.requireNonNull(name, "name is null");
    labels = List.copyOf(labels);
  }

  /**
   * Reads a {@code dynamic} block, reporting what is wrong with its own shape (not with the
   * content, which the caller checks against the schema of {@code name}); null when unusable.
   */
  public static DynamicBlock parse(Block b, List<Diagnostic> diags) {
    if (b.labels().size() != 1) {
      diags.add(Diagnostic.error(b.labels().isEmpty() ? "Missing block label" : "Extraneous label for dynamic",
          "A dynamic block must have exactly one label: the type of the blocks it generates.",
          b.labels().isEmpty() ? b.typeRange() : b.labelRanges().get(1)));
      return null;
    }
    String name = b.labels().get(0);
    Expr forEach = null;
    String iterator = name;
    List<Expr> labels = List.of();
    Body content = null;
    boolean ok = true;
    for (BodyItem item : b.body().items()) {
      if (item instanceof Attribute a) {
        switch (a.name()) {
          case "for_each" -> forEach = a.expr();
          case "iterator" -> {
            Expr e = unwrap(a.expr());
            if (e instanceof TraversalExpr t && t.steps().isEmpty()) {
              iterator = t.root();
            } else {
              diags.add(Diagnostic.error("Invalid dynamic iterator name",
                  "The iterator must be a single name, like \"setting\".", a.expr().range()));
              ok = false;
            }
          }
          case "labels" -> {
            if (unwrap(a.expr()) instanceof TupleExpr t) {
              labels = t.elements();
            } else {
              diags.add(Diagnostic.error("Invalid dynamic labels", "The labels must be given as a list: [\"a\"].",
                  a.expr().range()));
              ok = false;
            }
          }
          default -> {
            diags.add(Diagnostic.error("Unsupported argument",
                "An argument named \"" + a.name() + "\" is not expected in a dynamic block; only for_each, iterator"
                    + " and labels are.", a.nameRange()));
            ok = false;
          }
        }
      } else if (item instanceof Block nested) {
        if (nested.type().equals("content") && nested.labels().isEmpty() && content == null) {
          content = nested.body();
        } else {
          diags.add(Diagnostic.error(nested.type().equals("content") ? "Duplicate content block"
                  : "Unsupported block type", nested.type().equals("content")
                  ? "A dynamic block must have exactly one content block, without labels."
                  : "Blocks of type \"" + nested.type() + "\" are not expected here; put them in the content block.",
              nested.typeRange()));
          ok = false;
        }
      }
    }
    if (forEach == null) {
      diags.add(Diagnostic.error("Missing required argument",
          "The argument \"for_each\" is required, but no definition was found.", b.definitionRange()));
      ok = false;
    }
    if (content == null) {
      diags.add(Diagnostic.error("Missing content block",
          "A dynamic block must have a nested block of type \"content\" to describe the body of each generated block.",
          b.definitionRange()));
      ok = false;
    }
    return ok ? new DynamicBlock(name, forEach, iterator, labels, content, b) : null;
  }

  /**
   * The references of a body whose nested blocks may be dynamic: an iterator's own name is not a
   * reference ({@code setting.value} names no resource), anything else is, as {@link References}.
   */
  public static List<TraversalExpr> references(Body body) {
    List<TraversalExpr> out = new ArrayList<>();
    walk(body, Set.of(), out);
    return out;
  }

  private static void walk(Body body, Set<String> bound, List<TraversalExpr> out) {
    for (BodyItem item : body.items()) {
      if (item instanceof Attribute a) {
        add(References.of(a.expr()), bound, out);
      } else if (item instanceof Block b) {
        if (b.type().equals(TYPE) && b.labels().size() == 1) {
          Set<String> inner = new HashSet<>(bound);
          Attribute it = b.body().attribute("iterator");
          inner.add(it != null && unwrap(it.expr()) instanceof TraversalExpr t ? t.root() : b.labels().get(0));
          for (BodyItem di : b.body().items()) {
            if (di instanceof Attribute a) {
              // for_each is evaluated outside the iterator's scope; labels inside it
              add(References.of(a.expr()), a.name().equals("for_each") ? bound : inner, out);
            } else if (di instanceof Block c) {
              walk(c.body(), inner, out);
            }
          }
        } else {
          walk(b.body(), bound, out);
        }
      }
    }
  }

  private static void add(List<TraversalExpr> refs, Set<String> bound, List<TraversalExpr> out) {
    for (TraversalExpr t : refs) {
      if (!bound.contains(t.root())) {
        out.add(t);
      }
    }
  }

  private static Expr unwrap(Expr e) {
    return e instanceof ParenExpr p ? unwrap(p.inner()) : e;
  }
}
