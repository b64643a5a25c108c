package dev.kplan.lang.console;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's checks on the references of a console expression, made before it is evaluated:
 * each reference must name something declared (an input variable, a local value, a resource …).
 * Because they come before evaluation, {@code try} and {@code can} cannot catch these errors, as
 * in Terraform, where {@code can(var.undeclared)} is an error rather than {@code false}.
 *
 * <p>What is declared is what the console was given: a root name present in its variables is
 * declared, and for {@code var} and {@code local} so is each attribute of that object. The
 * messages are OpenTofu's for a root module.
 */
final class ConsoleReferences {
  /** Roots that Terraform reads as {@code root.attribute}. */
  private static final Set<String> SINGLE_ATTRIBUTE = Set.of("var", "local", "count", "each", "path", "terraform");

  private static final Set<String> RESERVED = Set.of("template", "lazy", "arg");

  private ConsoleReferences() {}

  static Diagnostics check(Expr expr, Map<String, Value> declared) {
    List<Diagnostic> out = new ArrayList<>();
    for (TraversalExpr ref : References.of(expr)) {
      Diagnostic d = check(ref, declared);
      if (d != null && out.stream().noneMatch(o -> o.summary().equals(d.summary()) && o.detail().equals(d.detail()))) {
        out.add(d);
      }
    }
    return Diagnostics.of(out);
  }

  private static Diagnostic check(TraversalExpr ref, Map<String, Value> declared) {
    String root = ref.root();
    List<Traverser> steps = ref.steps();
    String attr = !steps.isEmpty() && steps.get(0) instanceof Traverser.GetAttr g ? g.name() : null;

    if (SINGLE_ATTRIBUTE.contains(root)) {
      if (steps.isEmpty()) {
        return error("Invalid reference",
            "The \"" + root + "\" object cannot be accessed directly. Instead, access one of its attributes.", ref);
      }
      if (attr == null) {
        return error("Invalid reference", "The \"" + root + "\" object does not support this operation.", ref);
      }
      Value v = declared.get(root);
      boolean present = v != null && (!(v instanceof ObjectValue o) || o.get(attr) != null);
      return present ? null : undeclared(root, attr, ref);
    }
    if (declared.containsKey(root)) {
      return null;
    }
    if (RESERVED.contains(root)) {
      return error("Reserved symbol name", "The symbol name \"" + root + "\" is reserved for use in a future version. "
          + "If you are using a provider that already uses this as a resource type name, add the prefix \"resource.\" "
          + "to force interpretation as a resource type name.", ref);
    }
    switch (root) {
      case "self" -> {
        return error("Invalid \"self\" reference", "The \"self\" object is not available in this context. "
            + "This object can be used only in resource provisioner, connection, and postcondition blocks.", ref);
      }
      case "module" -> {
        if (attr == null) {
          return error("Invalid reference", "The \"module\" object cannot be accessed directly. Instead, access one of its attributes.", ref);
        }
        return error("Reference to undeclared module", "No module call named \"" + attr + "\" is declared in the root module.", ref);
      }
      case "data", "resource" -> {
        String type = attr;
        String name = steps.size() > 1 && steps.get(1) instanceof Traverser.GetAttr g ? g.name() : null;
        if (type == null || name == null) {
          return error("Invalid reference", "The \"" + root + "\" object must be followed by two attribute names: "
              + "the " + (root.equals("data") ? "data source" : "resource") + " type and the resource name.", ref);
        }
        return undeclaredResource(root.equals("data") ? "data" : "managed", type, name, ref);
      }
      default -> {
        if (attr == null) {
          return error("Invalid reference", "A reference to a resource type must be followed by at least one attribute "
              + "access, specifying the resource name.", ref);
        }
        return undeclaredResource("managed", root, attr, ref);
      }
    }
  }

  private static Diagnostic undeclared(String root, String attr, TraversalExpr ref) {
    return switch (root) {
      case "var" -> error("Reference to undeclared input variable", "An input variable with the name \"" + attr
          + "\" has not been declared. This variable can be declared with a variable \"" + attr + "\" {} block.", ref);
      case "local" -> error("Reference to undeclared local value",
          "A local value with the name \"" + attr + "\" has not been declared.", ref);
      case "count" -> error("Reference to \"count\" in non-counted context", "The \"count\" object can only be used in "
          + "\"module\", \"resource\", and \"data\" blocks, and only when the \"count\" argument is set.", ref);
      case "each" -> error("Reference to \"each\" in context without for_each", "The \"each\" object can be used only in "
          + "\"module\" or \"resource\" blocks, and only when the \"for_each\" argument is set.", ref);
      case "terraform" -> error("Invalid \"terraform\" attribute", "The \"terraform\" object does not have an attribute named \""
          + attr + "\". The only supported attribute is terraform.workspace, the name of the currently-selected workspace.", ref);
      default -> error("Invalid \"" + root + "\" attribute",
          "The \"" + root + "\" object does not have an attribute named \"" + attr + "\".", ref);
    };
  }

  private static Diagnostic undeclaredResource(String mode, String type, String name, TraversalExpr ref) {
    return error("Reference to undeclared resource",
        "A " + mode + " resource \"" + type + "\" \"" + name + "\" has not been declared in the root module.", ref);
  }

  private static Diagnostic error(String summary, String detail, TraversalExpr ref) {
    return Diagnostic.error(summary, detail, ref.range());
  }
}
