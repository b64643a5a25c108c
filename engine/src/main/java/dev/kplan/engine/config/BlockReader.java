package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code resource}, {@code data}, {@code output} and {@code provider} blocks, meta-arguments included. */
final class BlockReader {
  private BlockReader() {}

  /** Arguments and blocks the engine interprets in a resource body; the rest belongs to the provider. */
  static final Set<String> RESOURCE_META_ARGUMENTS = Set.of("count", "for_each", "depends_on", "provider");

  private static final BodySchema CONDITION = new BodySchema(
      Set.of("condition", "error_message"), Set.of("condition", "error_message"), Map.of());

  private static final BodySchema LIFECYCLE = new BodySchema(
      Set.of("create_before_destroy", "prevent_destroy", "ignore_changes", "replace_triggered_by"),
      Set.of(),
      Map.of("precondition", new BodySchema.BlockType(List.of(), CONDITION),
          "postcondition", new BodySchema.BlockType(List.of(), CONDITION)));

  private static final BodySchema OUTPUT = new BodySchema(
      Set.of("value", "description", "sensitive", "depends_on"),
      Set.of("value"),
      Map.of("precondition", new BodySchema.BlockType(List.of(), CONDITION)));

  static ResourceBlock resource(Block b, ResourceMode mode, List<Diagnostic> diags) {
    String type = b.labels().get(0);
    String name = b.labels().get(1);
    checkName(name, b.labelRanges().get(1), mode == ResourceMode.DATA ? "data source" : "resource", diags);
    Expr count = null;
    Expr forEach = null;
    List<TraversalExpr> dependsOn = List.of();
    ProviderAddress provider = ProviderAddress.implied(type);
    boolean explicit = false;
    Lifecycle lifecycle = Lifecycle.DEFAULT;
    List<BodyItem> rest = new ArrayList<>();
    for (BodyItem item : b.body().items()) {
      if (item instanceof Attribute a) {
        switch (a.name()) {
          case "count" -> count = a.expr();
          case "for_each" -> forEach = a.expr();
          case "depends_on" -> dependsOn = staticReferences(a, diags);
          case "provider" -> {
            ProviderAddress p = providerReference(a, diags);
            if (p != null) {
              provider = p;
              explicit = true;
            }
          }
          default -> rest.add(item);
        }
      } else if (item instanceof Block nested && nested.type().equals("lifecycle")) {
        diags.addAll(BodyChecker.check(nested.body(), LIFECYCLE, nested));
        Lifecycle read = lifecycle(nested, diags);
        // a data source keeps only its conditions: the other lifecycle arguments concern managed objects
        lifecycle = mode == ResourceMode.MANAGED ? read : new Lifecycle(false, false, List.of(), false, List.of(),
            read.preconditions(), read.postconditions());
      } else {
        rest.add(item);
      }
    }
    if (count != null && forEach != null) {
      diags.add(Diagnostic.error("Invalid combination of \"count\" and \"for_each\"",
          "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be"
              + " explicit about the number of resources to be created.", forEach.range()));
    }
    return new ResourceBlock(mode, type, name, new Body(rest, b.body().range()), count, forEach, dependsOn,
        provider, explicit, lifecycle, b.definitionRange());
  }

  static OutputBlock output(Block b, List<Diagnostic> diags) {
    diags.addAll(BodyChecker.check(b.body(), OUTPUT, b));
    checkName(b.labels().get(0), b.labelRanges().get(0), "output", diags);
    Attribute value = b.body().attribute("value");
    Attribute deps = b.body().attribute("depends_on");
    return new OutputBlock(
        b.labels().get(0),
        value == null ? new LiteralExpr(dev.kplan.lang.value.Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC),
            b.range()) : value.expr(),
        literalString(b.body().attribute("description"), diags),
        literalBool(b.body().attribute("sensitive"), diags),
        deps == null ? List.of() : staticReferences(deps, diags),
        b.definitionRange(),
        conditions(b.body(), "precondition"));
  }

  static ProviderBlock provider(Block b, List<Diagnostic> diags) {
    String alias = null;
    List<BodyItem> rest = new ArrayList<>();
    for (BodyItem item : b.body().items()) {
      if (item instanceof Attribute a && a.name().equals("alias")) {
        if (a.expr() instanceof LiteralExpr l && l.value() instanceof StringValue s && isIdentifier(s.value())) {
          alias = s.value();
        } else {
          diags.add(Diagnostic.error("Invalid provider configuration alias",
              "An alias must be a valid name. A name must start with a letter or underscore and may contain only"
                  + " letters, digits, underscores, and dashes.", a.expr().range()));
        }
      } else {
        rest.add(item);
      }
    }
    return new ProviderBlock(new ProviderAddress(b.labels().get(0), alias), new Body(rest, b.body().range()),
        b.definitionRange());
  }

  private static Lifecycle lifecycle(Block b, List<Diagnostic> diags) {
    Body body = b.body();
    List<TraversalExpr> ignore = new ArrayList<>();
    boolean ignoreAll = false;
    Attribute ic = body.attribute("ignore_changes");
    if (ic != null) {
      Expr e = unwrap(ic.expr());
      if (e instanceof TraversalExpr t && t.root().equals("all") && t.steps().isEmpty()) {
        ignoreAll = true;
      } else {
        ignore = staticReferences(ic, diags);
      }
    }
    List<Expr> triggers = new ArrayList<>();
    Attribute rt = body.attribute("replace_triggered_by");
    if (rt != null) {
      if (unwrap(rt.expr()) instanceof TupleExpr t) {
        triggers.addAll(t.elements());
      } else {
        diags.add(Diagnostic.error("Invalid replace_triggered_by expression",
            "A static list expression is required.", rt.expr().range()));
      }
    }
    return new Lifecycle(
        literalBool(body.attribute("create_before_destroy"), diags),
        literalBool(body.attribute("prevent_destroy"), diags),
        ignore, ignoreAll, triggers, conditions(body, "precondition"), conditions(body, "postcondition"));
  }

  /** The {@code precondition} or {@code postcondition} blocks of a body (incomplete ones were reported by the schema check). */
  private static List<Condition> conditions(Body body, String type) {
    List<Condition> out = new ArrayList<>();
    for (Block c : body.blocks(type)) {
      Attribute cond = c.body().attribute("condition");
      Attribute msg = c.body().attribute("error_message");
      if (cond != null && msg != null) {
        out.add(new Condition(cond.expr(), msg.expr(), c.range()));
      }
    }
    return out;
  }

  /** {@code [a.b, c["x"]]}: a static list of references, as depends_on and ignore_changes need. */
  static List<TraversalExpr> staticReferences(Attribute a, List<Diagnostic> diags) {
    Expr e = unwrap(a.expr());
    if (!(e instanceof TupleExpr t)) {
      diags.add(Diagnostic.error("Invalid expression", "A static list expression is required.", a.expr().range()));
      return List.of();
    }
    List<TraversalExpr> out = new ArrayList<>();
    for (Expr el : t.elements()) {
      if (unwrap(el) instanceof TraversalExpr tr) {
        out.add(tr);
      } else {
        diags.add(Diagnostic.error("Invalid expression",
            "A single static variable reference is required: only attribute access and indexing with constant keys."
                + " No calculations, function calls, template expressions, etc are allowed here.", el.range()));
      }
    }
    return out;
  }

  private static ProviderAddress providerReference(Attribute a, List<Diagnostic> diags) {
    Expr e = unwrap(a.expr());
    if (e instanceof TraversalExpr t && t.steps().size() <= 1
        && (t.steps().isEmpty() || t.steps().get(0) instanceof Traverser.GetAttr)) {
      String alias = t.steps().isEmpty() ? null : ((Traverser.GetAttr) t.steps().get(0)).name();
      return new ProviderAddress(t.root(), alias);
    }
    diags.add(Diagnostic.error("Invalid provider reference",
        "Provider argument requires a provider name followed by an optional alias, like \"aws.foo\".",
        a.expr().range()));
    return null;
  }

  private static Expr unwrap(Expr e) {
    return e instanceof ParenExpr p ? unwrap(p.inner()) : e;
  }

  private static void checkName(String name, dev.kplan.lang.diag.SourceRange at, String what, List<Diagnostic> diags) {
    if (!isIdentifier(name)) {
      diags.add(Diagnostic.error("Invalid " + what + " name",
          "A name must start with a letter or underscore and may contain only letters, digits, underscores,"
              + " and dashes.", at));
    }
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }

  private static String literalString(Attribute a, List<Diagnostic> diags) {
    if (a == null) {
      return "";
    }
    if (a.expr() instanceof LiteralExpr l && l.value() instanceof StringValue s) {
      return s.value();
    }
    diags.add(Diagnostic.error("Invalid " + a.name(), "The " + a.name() + " must be a literal string.",
        a.expr().range()));
    return "";
  }

  private static boolean literalBool(Attribute a, List<Diagnostic> diags) {
    if (a == null) {
      return false;
    }
    if (a.expr() instanceof LiteralExpr l && l.value() instanceof BoolValue b) {
      return b.value();
    }
    diags.add(Diagnostic.error("Invalid value for \"" + a.name() + "\"",
        "The \"" + a.name() + "\" argument must be either true or false.", a.expr().range()));
    return false;
  }
}
