package dev.kplan.lang.types;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TemplateWrapExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Terraform's type-constraint syntax from an expression, as HCL's {@code typeexpr} does:
 * {@code string}, {@code number}, {@code bool}, {@code any}, {@code list(T)}, {@code set(T)},
 * {@code map(T)}, {@code object({a = T, b = optional(T, default)})} and {@code tuple([T, ...])}.
 */
public final class TypeConstraints {
  private static final String INVALID = "Invalid type specification";

  private TypeConstraints() {}

  /** A constraint and the problems found reading it; the constraint is usable (as {@code any}) even with errors. */
  public record Result(TypeConstraint constraint, Diagnostics diagnostics) {}

  /** A type constraint with {@code any} and {@code optional(T, default)} allowed (variable types, {@code convert}). */
  public static Result parse(Expr expr) {
    return read(expr, true, true);
  }

  /**
   * The {@code type} argument of a {@code variable} block, as Terraform reads it: the bare
   * keywords {@code list} and {@code map} still mean {@code list(any)} and {@code map(any)}, and
   * the quoted forms of Terraform 0.11 ({@code "string"}, {@code "list"}, {@code "map"}) are
   * errors that say how to write them today.
   */
  public static Result parseVariableType(Expr expr) {
    if (expr instanceof LiteralExpr l && l.value() instanceof StringValue s) {
      String detail;
      String summary = "Invalid quoted type constraints";
      switch (s.value()) {
        case "string":
          detail = "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is "
              + "now deprecated and will be removed in a future version of Terraform. Remove the quotes around "
              + "\"string\".";
          break;
        case "list":
          detail = "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is "
              + "now deprecated and will be removed in a future version of Terraform. Remove the quotes around "
              + "\"list\" and write list(string) instead to explicitly indicate that the list elements are strings.";
          break;
        case "map":
          detail = "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is "
              + "now deprecated and will be removed in a future version of Terraform. Remove the quotes around "
              + "\"map\" and write map(string) instead to explicitly indicate that the map elements are strings.";
          break;
        default:
          summary = "Invalid legacy variable type hint";
          detail = "To provide a full type expression, remove the surrounding quotes and give the type expression "
              + "directly.";
          break;
      }
      return new Result(new TypeConstraint(Type.DYNAMIC, null),
          Diagnostics.of(Diagnostic.error(summary, detail, expr.range())));
    }
    String kw = keyword(expr);
    if ("list".equals(kw)) {
      return new Result(new TypeConstraint(new ListType(Type.DYNAMIC), null), Diagnostics.NONE);
    }
    if ("map".equals(kw)) {
      return new Result(new TypeConstraint(new MapType(Type.DYNAMIC), null), Diagnostics.NONE);
    }
    return parse(expr);
  }

  /** An exact type: neither {@code any} nor {@code optional} allowed. */
  public static Result parseExact(Expr expr) {
    return read(expr, false, false);
  }

  private static Result read(Expr expr, boolean constraint, boolean withDefaults) {
    List<Diagnostic> diags = new ArrayList<>();
    Parsed p = new Reader(constraint, withDefaults, diags).type(expr);
    return new Result(new TypeConstraint(p.type, p.defaults), Diagnostics.of(diags));
  }

  private record Parsed(Type type, Defaults defaults) {
    static Parsed invalid() {
      return new Parsed(Type.DYNAMIC, null);
    }
  }

  private record Reader(boolean constraint, boolean withDefaults, List<Diagnostic> diags) {
    private Parsed error(String detail, SourceRange subject, SourceRange context) {
      diags.add(new Diagnostic(dev.kplan.lang.diag.Severity.ERROR, INVALID, detail, subject, context));
      return Parsed.invalid();
    }

    Parsed type(Expr expr) {
      String kw = keyword(expr);
      if (kw != null) {
        switch (kw) {
          case "bool":
            return new Parsed(Type.BOOL, null);
          case "string":
            return new Parsed(Type.STRING, null);
          case "number":
            return new Parsed(Type.NUMBER, null);
          case "any":
            if (constraint) {
              return new Parsed(Type.DYNAMIC, null);
            }
            return error("The keyword \"any\" cannot be used in this type specification: an exact type is required.",
                expr.range(), null);
          case "list":
          case "map":
          case "set":
            return error("The " + kw + " type constructor requires one argument specifying the element type.",
                expr.range(), null);
          case "object":
            return error("The object type constructor requires one argument specifying the attribute types and values as a map.",
                expr.range(), null);
          case "tuple":
            return error("The tuple type constructor requires one argument specifying the element types as a list.",
                expr.range(), null);
          default:
            return error("The keyword " + MismatchMessage.quote(kw) + " is not a valid type specification.",
                expr.range(), null);
        }
      }
      if (!(unwrap(expr) instanceof FunctionCallExpr call)) {
        return error("A type specification is either a primitive type keyword (bool, number, string) or a complex "
            + "type constructor call, like list(string).", expr.range(), null);
      }
      String name = call.name();
      SourceRange argsRange = argsRange(call);
      switch (name) {
        case "bool":
        case "string":
        case "number":
          return error("Primitive type keyword " + MismatchMessage.quote(name) + " does not expect arguments.",
              argsRange, null);
        case "any":
          return error("Type constraint keyword " + MismatchMessage.quote(name) + " does not expect arguments.",
              argsRange, null);
        default:
          break;
      }
      List<Expr> args = call.args();
      if (args.size() != 1) {
        SourceRange subject = argsRange;
        if (args.size() > 1 && args.get(1).range() != null) {
          subject = args.get(1).range().to(args.get(args.size() - 1).range());
        }
        switch (name) {
          case "list":
          case "set":
          case "map":
            return error("The " + name + " type constructor requires one argument specifying the element type.",
                subject, argsRange);
          case "object":
            return error("The object type constructor requires one argument specifying the attribute types and "
                + "values as a map.", subject, argsRange);
          case "tuple":
            return error("The tuple type constructor requires one argument specifying the element types as a list.",
                subject, argsRange);
          default:
            break;
        }
      }
      switch (name) {
        case "list": {
          Parsed e = type(args.get(0));
          Type t = new ListType(e.type);
          return new Parsed(t, collectionDefaults(t, e.defaults));
        }
        case "set": {
          Parsed e = type(args.get(0));
          Type t = new SetType(e.type);
          return new Parsed(t, collectionDefaults(t, e.defaults));
        }
        case "map": {
          Parsed e = type(args.get(0));
          Type t = new MapType(e.type);
          return new Parsed(t, collectionDefaults(t, e.defaults));
        }
        case "object":
          return object(expr, args.get(0));
        case "tuple": {
          if (!(unwrap(args.get(0)) instanceof TupleExpr list)) {
            return error("Tuple type constructor requires a list of element types.", args.get(0).range(), expr.range());
          }
          List<Type> etys = new ArrayList<>();
          Map<String, Defaults> children = new LinkedHashMap<>();
          for (int i = 0; i < list.elements().size(); i++) {
            Parsed e = type(list.elements().get(i));
            etys.add(e.type);
            if (e.defaults != null) {
              children.put(String.valueOf(i), e.defaults);
            }
          }
          Type t = new TupleType(etys);
          return new Parsed(t, structuredDefaults(t, Map.of(), children));
        }
        case "optional":
          return error("Keyword \"optional\" is valid only as a modifier for object type attributes.",
              call.nameRange(), null);
        default:
          return error("Keyword " + MismatchMessage.quote(name) + " is not a valid type constructor.", expr.range(), null);
      }
    }

    private Parsed object(Expr expr, Expr arg) {
      if (!(unwrap(arg) instanceof ObjectExpr map)) {
        return error("Object type constructor requires a map whose keys are attribute names and whose values are the "
            + "corresponding attribute types.", arg.range(), expr.range());
      }
      Map<String, Type> atys = new LinkedHashMap<>();
      Map<String, Value> defaultValues = new LinkedHashMap<>();
      Map<String, Defaults> children = new LinkedHashMap<>();
      Set<String> optional = new LinkedHashSet<>();
      for (ObjectExpr.Item item : map.items()) {
        String attrName = attributeName(item.key());
        if (attrName == null) {
          error("Object constructor map keys must be attribute names.", item.key().range(), expr.range());
          continue;
        }
        Expr atyExpr = item.value();
        Expr defaultExpr = null;
        if (unwrap(atyExpr) instanceof FunctionCallExpr call && call.name().equals("optional")) {
          if (call.args().isEmpty()) {
            error("Optional attribute modifier requires the attribute type as its argument.", argsRange(call),
                atyExpr.range());
            continue;
          }
          if (constraint) {
            if (withDefaults) {
              if (call.args().size() == 2) {
                defaultExpr = call.args().get(1);
                int before = diags.size();
                Value dflt = StaticValues.evaluate(defaultExpr, diags);
                if (diags.size() == before) {
                  optional.add(attrName);
                  defaultValues.put(attrName, dflt);
                }
              } else if (call.args().size() == 1) {
                optional.add(attrName);
              } else {
                error("Optional attribute modifier expects at most two arguments: the attribute type, and a default value.",
                    argsRange(call), atyExpr.range());
              }
            } else if (call.args().size() == 1) {
              optional.add(attrName);
            } else {
              error("Optional attribute modifier expects only one argument: the attribute type.", argsRange(call),
                  atyExpr.range());
            }
          } else {
            error("Optional attribute modifier is only for type constraints, not for exact types.", call.nameRange(),
                atyExpr.range());
          }
          atyExpr = call.args().get(0);
        }
        Parsed a = type(atyExpr);
        if (defaultValues.containsKey(attrName)) {
          try {
            defaultValues.put(attrName, Convert.convert(defaultValues.get(attrName), a.type));
          } catch (ConversionException e) {
            diags.add(Diagnostic.error("Invalid default value for optional attribute",
                "This default value is not compatible with the attribute's type constraint: " + e.getMessage() + ".",
                defaultExpr.range()));
            defaultValues.remove(attrName);
          }
        }
        atys.put(attrName, a.type);
        if (a.defaults != null) {
          children.put(attrName, a.defaults);
        }
      }
      Type t = new ObjectType(atys, optional);
      return new Parsed(t, structuredDefaults(t, defaultValues, children));
    }
  }

  private static Defaults collectionDefaults(Type t, Defaults element) {
    return element == null ? null : new Defaults(t, Map.of(), Map.of("", element));
  }

  private static Defaults structuredDefaults(Type t, Map<String, Value> values, Map<String, Defaults> children) {
    if (values.isEmpty() && children.isEmpty()) {
      return null;
    }
    return new Defaults(t, values, children);
  }

  private static Expr unwrap(Expr e) {
    while (e instanceof ParenExpr p) {
      e = p.inner();
    }
    return e;
  }

  /** The name of a bare one-word traversal ({@code string}), as HCL's {@code ExprAsKeyword}. */
  private static String keyword(Expr expr) {
    if (unwrap(expr) instanceof TraversalExpr t && t.steps().isEmpty()) {
      return t.root();
    }
    return null;
  }

  private static String attributeName(Expr key) {
    String kw = keyword(key);
    if (kw != null) {
      return kw;
    }
    if (key instanceof LiteralExpr l && l.value() instanceof StringValue s) {
      return s.value();
    }
    return null;
  }

  private static SourceRange argsRange(FunctionCallExpr call) {
    SourceRange name = call.nameRange();
    SourceRange all = call.range();
    if (name == null || all == null) {
      return all;
    }
    return new SourceRange(all.file(), name.endLine(), name.endCol(), name.endOffset(), all.endLine(), all.endCol(),
        all.endOffset());
  }

  /** Evaluates a default value with no variables and no functions, as HCL does with a nil context. */
  static final class StaticValues {
    private StaticValues() {}

    static Value evaluate(Expr e, List<Diagnostic> diags) {
      if (e instanceof LiteralExpr l) {
        return l.value();
      }
      if (e instanceof ParenExpr p) {
        return evaluate(p.inner(), diags);
      }
      if (e instanceof TemplateWrapExpr w) {
        return evaluate(w.wrapped(), diags);
      }
      if (e instanceof TupleExpr t) {
        List<Value> elems = new ArrayList<>();
        for (Expr x : t.elements()) {
          elems.add(evaluate(x, diags));
        }
        return new TupleValue(elems, Marks.NONE);
      }
      if (e instanceof ObjectExpr o) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (ObjectExpr.Item item : o.items()) {
          String name = keyword(item.key());
          if (name == null) {
            Value k = evaluate(item.key(), diags);
            try {
              Value ks = Convert.convert(k, Type.STRING);
              if (!(ks instanceof StringValue s)) {
                diags.add(Diagnostic.error("Null value as key", "Can't use a null value as a key.", item.key().range()));
                continue;
              }
              name = s.value();
            } catch (ConversionException ex) {
              diags.add(Diagnostic.error("Incorrect key type",
                  "Can't use this value as a key: " + ex.getMessage() + ".", item.key().range()));
              continue;
            }
          }
          attrs.put(name, evaluate(item.value(), diags));
        }
        return Value.object(attrs);
      }
      if (e instanceof TemplateExpr t) {
        StringBuilder sb = new StringBuilder();
        for (TemplatePart part : t.parts()) {
          if (part instanceof TemplatePart.Literal lit) {
            sb.append(lit.text());
          } else if (part instanceof TemplatePart.Interpolation in) {
            try {
              Value v = Convert.convert(evaluate(in.expr(), diags), Type.STRING);
              if (v instanceof StringValue s) {
                sb.append(s.value());
              }
            } catch (ConversionException ex) {
              diags.add(Diagnostic.error("Invalid template interpolation value",
                  "Cannot include the given value in a string template: " + ex.getMessage() + ".", in.range()));
            }
          } else {
            diags.add(Diagnostic.error("Invalid default value",
                "Template directives are not allowed in a default value.", part.range()));
          }
        }
        return Value.string(sb.toString());
      }
      if (e instanceof UnaryOpExpr u) {
        Value v = evaluate(u.operand(), diags);
        if (u.op() == Operation.NEGATE && v instanceof NumberValue n) {
          return Value.number(n.value().negate());
        }
        if (u.op() == Operation.NOT && v instanceof BoolValue b) {
          return Value.bool(!b.value());
        }
        diags.add(Diagnostic.error("Invalid operand", "Unsuitable value for unary operand.", u.range()));
        return Value.unknownOf(Type.DYNAMIC);
      }
      if (e instanceof TraversalExpr t) {
        diags.add(Diagnostic.error("Variables not allowed", "Variables may not be used here.", t.range()));
        return Value.unknownOf(Type.DYNAMIC);
      }
      if (e instanceof FunctionCallExpr f) {
        diags.add(Diagnostic.error("Function calls not allowed", "Functions may not be called here.", f.range()));
        return Value.unknownOf(Type.DYNAMIC);
      }
      diags.add(Diagnostic.error("Invalid default value",
          "A default value must be a constant: literals, lists and objects of literals.", e.range()));
      return Value.unknownOf(Type.DYNAMIC);
    }
  }
}
