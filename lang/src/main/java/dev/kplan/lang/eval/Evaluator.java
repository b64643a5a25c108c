package dev.kplan.lang.eval;

import dev.kplan.lang.ast.BinaryOpExpr;
import dev.kplan.lang.ast.ConditionalExpr;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ForExpr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.IndexExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.RelativeTraversalExpr;
import dev.kplan.lang.ast.SplatExpr;
import dev.kplan.lang.ast.SplatItemExpr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TemplateWrapExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.functions.FunctionException;
import dev.kplan.lang.functions.FunctionSpec;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.functions.Param;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.Unify;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.SortedAttributes;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Evaluates expressions as HCL's {@code hclsyntax} does on go-cty values, with Terraform's
 * {@code try} and {@code can}. Errors never throw: they come back as diagnostics, and the value is
 * then an unknown placeholder ({@code any} where the type cannot be known) so that evaluation
 * goes on and reports independent errors. Diagnostics name the offending sub-expression as subject;
 * where HCL gives no wider context, the whole evaluated expression is the context.
 */
public final class Evaluator {
  static final Value DYNAMIC = Value.unknownOf(Type.DYNAMIC);

  private Evaluator() {}

  public static EvalResult evaluate(Expr expr, EvalContext ctx) {
    EvalResult r = eval(expr, ctx);
    if (r.diagnostics().isEmpty()) {
      return r;
    }
    List<Diagnostic> out = new ArrayList<>(r.diagnostics().size());
    for (Diagnostic d : r.diagnostics()) {
      out.add(d.context() == null && expr.range() != null ? d.withContext(expr.range()) : d);
    }
    return new EvalResult(r.value(), Diagnostics.of(out));
  }

  static EvalResult eval(Expr e, EvalContext ctx) {
    if (e instanceof LiteralExpr l) {
      return ok(literal(l.value()));
    } else if (e instanceof TemplateExpr t) {
      return template(t.parts(), t.range(), ctx);
    } else if (e instanceof TemplateWrapExpr w) {
      return eval(w.wrapped(), ctx);
    } else if (e instanceof ParenExpr p) {
      return eval(p.inner(), ctx);
    } else if (e instanceof TraversalExpr t) {
      return scopeTraversal(t, ctx);
    } else if (e instanceof RelativeTraversalExpr r) {
      EvalResult src = eval(r.source(), ctx);
      Diags diags = new Diags().add(src.diagnostics());
      Value v = traverse(src.value(), r.steps(), diags);
      return result(v, diags);
    } else if (e instanceof IndexExpr i) {
      return index(i, ctx);
    } else if (e instanceof SplatExpr s) {
      return splat(s, ctx);
    } else if (e instanceof SplatItemExpr) {
      Value item = ctx.splatItem();
      return ok(item == null ? DYNAMIC : item);
    } else if (e instanceof FunctionCallExpr f) {
      return Calls.call(f, ctx);
    } else if (e instanceof ConditionalExpr c) {
      return conditional(
          c.condition(), eval(c.whenTrue(), ctx), c.whenTrue().range(), eval(c.whenFalse(), ctx),
          c.whenFalse().range(), c.range(), ctx);
    } else if (e instanceof BinaryOpExpr b) {
      return binary(b, ctx);
    } else if (e instanceof UnaryOpExpr u) {
      return unary(u, ctx);
    } else if (e instanceof ForExpr f) {
      return forExpr(f, ctx);
    } else if (e instanceof TupleExpr t) {
      Diags diags = new Diags();
      List<Value> vals = new ArrayList<>(t.elements().size());
      for (Expr x : t.elements()) {
        EvalResult r = eval(x, ctx);
        diags.add(r.diagnostics());
        vals.add(r.value());
      }
      return result(Value.tuple(vals), diags);
    } else if (e instanceof ObjectExpr o) {
      return object(o, ctx);
    }
    throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
  }

  static EvalResult ok(Value v) {
    return new EvalResult(v, Diagnostics.NONE);
  }

  static EvalResult result(Value v, Diags diags) {
    return new EvalResult(v, diags.toDiagnostics());
  }

  /** Literal numbers beyond 512 bits of precision are rounded as HCL's parser rounds them. */
  private static Value literal(Value v) {
    if (v instanceof NumberValue n && n.value().precision() > 150) {
      return new NumberValue(Float512.of(n.value()).toShortestDecimal(), n.marks());
    }
    return v;
  }

  // ---- templates ----------------------------------------------------------------------------

  static EvalResult template(List<TemplatePart> parts, SourceRange range, EvalContext ctx) {
    Diags diags = new Diags();
    StringBuilder buf = new StringBuilder();
    boolean known = true;
    Marks marks = Marks.NONE;
    for (TemplatePart part : parts) {
      EvalResult pr = templatePart(part, ctx);
      diags.add(pr.diagnostics());
      Value pv = pr.value();
      SourceRange partRange = part instanceof TemplatePart.Interpolation i ? i.expr().range() : part.range();
      if (pv.isNull()) {
        diags.error(
            "Invalid template interpolation value",
            "The expression result is null. Cannot include a null value in a string template.", partRange, range);
        continue;
      }
      marks = marks.union(pv.marks());
      if (!pv.isKnown()) {
        known = false;
        continue;
      }
      Value str;
      try {
        str = Conversions.convert(pv.unmarked(), Type.STRING);
      } catch (ConversionException ex) {
        diags.error(
            "Invalid template interpolation value",
            "Cannot include the given value in a string template: " + ex.getMessage() + ".", partRange, range);
        continue;
      }
      if (known && !diags.hasErrors() && str instanceof StringValue s) {
        buf.append(s.value());
      }
    }
    Value ret = known ? Value.string(buf.toString()) : Value.unknownOf(Type.STRING);
    return result(ret.mark(marks), diags);
  }

  private static EvalResult templatePart(TemplatePart part, EvalContext ctx) {
    if (part instanceof TemplatePart.Literal l) {
      return ok(Value.string(l.text()));
    } else if (part instanceof TemplatePart.Interpolation i) {
      return eval(i.expr(), ctx);
    } else if (part instanceof TemplatePart.If f) {
      SourceRange thenRange = partsRange(f.then(), f.range());
      SourceRange elseRange = partsRange(f.otherwise(), f.range());
      return conditional(
          f.condition(), template(f.then(), thenRange, ctx), thenRange, template(f.otherwise(), elseRange, ctx),
          elseRange, f.range(), ctx);
    } else if (part instanceof TemplatePart.For f) {
      EvalResult tuple = forTuple(
          f.keyVar(), f.valueVar(), f.collection(), null, c -> template(f.body(), partsRange(f.body(), f.range()), c),
          f.range(), ctx);
      return templateJoin(tuple, f.range());
    }
    throw new IllegalStateException("unhandled template part " + part.getClass().getSimpleName());
  }

  private static SourceRange partsRange(List<TemplatePart> parts, SourceRange fallback) {
    if (parts.isEmpty() || parts.get(0).range() == null) {
      return fallback;
    }
    return Names.between(parts.get(0).range(), parts.get(parts.size() - 1).range());
  }

  /** HCL's {@code TemplateJoinExpr}: the strings a template {@code for} directive produced, joined. */
  private static EvalResult templateJoin(EvalResult tupleResult, SourceRange range) {
    Diags diags = new Diags().add(tupleResult.diagnostics());
    Value tuple = tupleResult.value();
    if (tuple.type() instanceof DynamicType || !tuple.isKnown()) {
      return result(Value.unknownOf(Type.STRING), diags);
    }
    Marks marks = tuple.marks();
    StringBuilder buf = new StringBuilder();
    for (Value v : ((TupleValue) tuple.unmarked()).elements()) {
      if (v.isNull()) {
        diags.error(
            "Invalid template interpolation value",
            "An iteration result is null. Cannot include a null value in a string template.", range, null);
        continue;
      }
      if (v.type() instanceof DynamicType) {
        return result(Value.unknownOf(Type.STRING).mark(marks), diags);
      }
      Value str;
      try {
        str = Conversions.convert(v, Type.STRING);
      } catch (ConversionException ex) {
        diags.error(
            "Invalid template interpolation value",
            "Cannot include one of the interpolation results into the string template: " + ex.getMessage() + ".",
            range, null);
        continue;
      }
      if (!v.isKnown()) {
        return result(Value.unknownOf(Type.STRING).mark(marks), diags);
      }
      marks = marks.union(str.marks());
      buf.append(((StringValue) str.unmarked()).value());
    }
    return result(Value.string(buf.toString()).mark(marks), diags);
  }

  // ---- references, attributes and indexes -------------------------------------------------------

  private static EvalResult scopeTraversal(TraversalExpr t, EvalContext ctx) {
    Value root = ctx.lookup(t.root());
    Diags diags = new Diags();
    if (root == null) {
      if (!ctx.variablesAllowed()) {
        diags.error("Variables not allowed", "Variables may not be used here.", t.rootRange(), null);
      } else {
        diags.error(
            "Unknown variable",
            "There is no variable named " + Names.quote(t.root()) + "."
                + Names.suggestion(t.root(), ctx.variableNames()),
            t.rootRange(), null);
      }
      return result(DYNAMIC, diags);
    }
    Value v = traverse(root, t.steps(), diags);
    return result(v, diags);
  }

  /** Applies static steps; stops at the first error with an unknown placeholder. */
  static Value traverse(Value v, List<Traverser> steps, Diags diags) {
    Value current = v;
    for (int k = 0, n = steps.size(); k < n; k++) { // indexed: no iterator per traversal
      Traverser step = steps.get(k);
      Diags stepDiags = new Diags();
      if (step instanceof Traverser.GetAttr a) {
        current = getAttr(current, a.name(), a.range(), stepDiags);
      } else if (step instanceof Traverser.Index i) {
        current = index(current, i.key(), i.range(), stepDiags);
      }
      diags.add(stepDiags.toDiagnostics());
      if (stepDiags.hasErrors()) {
        return DYNAMIC;
      }
    }
    return current;
  }

  /** HCL's {@code hcl.GetAttr}. */
  static Value getAttr(Value obj, String name, SourceRange range, Diags diags) {
    if (obj.isNull()) {
      diags.error(
          "Attempt to get attribute from null value", "This value is null, so it does not have any attributes.",
          range, null);
      return DYNAMIC;
    }
    String unsupported = "Unsupported attribute";
    Marks marks = obj.marks();
    if (obj instanceof ObjectValue known) {
      // the fast path: an object's type is built from all its attributes, deeply, which a lookup does not need
      Value attr = known.get(name);
      if (attr == null) {
        diags.error(unsupported, "This object does not have an attribute named " + Names.quote(name) + ".", range, null);
        return DYNAMIC;
      }
      return attr.mark(marks);
    }
    Type ty = obj.type();
    if (ty instanceof ObjectType ot) {
      if (!ot.attributes().containsKey(name)) {
        diags.error(unsupported, "This object does not have an attribute named " + Names.quote(name) + ".", range, null);
        return DYNAMIC;
      }
      if (!obj.isKnown()) {
        return Value.unknownOf(ot.attributeType(name)).mark(marks);
      }
      return ((ObjectValue) obj).get(name).mark(marks);
    } else if (ty instanceof MapType mt) {
      if (!obj.isKnown()) {
        return Value.unknownOf(mt.element()).mark(marks);
      }
      Value v = ((MapValue) obj).entries().get(name);
      if (v == null) {
        diags.error(
            "Missing map element", "This map does not have an element with the key " + Names.quote(name) + ".", range,
            null);
        return DYNAMIC;
      }
      return v.mark(marks);
    } else if (ty instanceof DynamicType) {
      return DYNAMIC.mark(marks);
    } else if (ty instanceof ListType lt && lt.element() instanceof ObjectType et) {
      if (et.attributes().containsKey(name)) {
        diags.error(
            unsupported,
            "Can't access attributes on a list of objects. Did you mean to access attribute " + Names.quote(name)
                + " for a specific element of the list, or across all elements of the list?",
            range, null);
      } else {
        diags.error(
            unsupported,
            "Can't access attributes on a list of objects. Did you mean to access an attribute for a specific "
                + "element of the list, or across all elements of the list?",
            range, null);
      }
      return DYNAMIC;
    } else if (ty instanceof SetType st && st.element() instanceof ObjectType) {
      diags.error(
          unsupported,
          "Can't access attributes on a set of objects. Did you mean to access an attribute across all elements of "
              + "the set?",
          range, null);
      return DYNAMIC;
    } else if (ty.isPrimitive()) {
      diags.error(
          unsupported, "Can't access attributes on a primitive-typed value (" + ty.friendlyName() + ").", range, null);
      return DYNAMIC;
    }
    diags.error(unsupported, "This value does not have any attributes.", range, null);
    return DYNAMIC;
  }

  private static EvalResult index(IndexExpr e, EvalContext ctx) {
    EvalResult coll = eval(e.collection(), ctx);
    EvalResult key = eval(e.key(), ctx);
    Diags diags = new Diags().add(coll.diagnostics()).add(key.diagnostics());
    Diags indexDiags = new Diags();
    Value v = index(coll.value(), key.value(), Names.tail(e.collection().range(), e.range()), indexDiags);
    diags.add(indexDiags.toDiagnostics());
    return result(v, diags);
  }

  /** HCL's {@code hcl.Index}. */
  static Value index(Value collection, Value key, SourceRange range, Diags diags) {
    String invalid = "Invalid index";
    if (collection.isNull()) {
      diags.error("Attempt to index null value", "This value is null, so it does not have any indices.", range, null);
      return DYNAMIC;
    }
    if (key.isNull()) {
      diags.error(invalid, "Can't use a null value as an indexing key.", range, null);
      return DYNAMIC;
    }
    Type ty = collection.type();
    Type kty = key.type();
    Marks collMarks = collection.marks();
    if (kty instanceof DynamicType || ty instanceof DynamicType) {
      return DYNAMIC.mark(collMarks);
    }
    String notIdentify = "The given key does not identify an element in this collection value";
    if (ty instanceof ListType || ty instanceof TupleType || ty instanceof MapType) {
      Type want = ty instanceof MapType ? Type.STRING : Type.NUMBER;
      Value k;
      try {
        k = Conversions.convert(key, want);
      } catch (ConversionException ex) {
        diags.error(invalid, notIdentify + ": " + ex.getMessage() + ".", range, null);
        return DYNAMIC;
      }
      Marks keyMarks = k.marks();
      Value bareKey = k.unmarked();
      Value bareColl = collection.unmarked();
      Boolean has = hasIndex(bareColl, bareKey);
      if (has == null) {
        if (ty instanceof TupleType) {
          return DYNAMIC.mark(collMarks);
        }
        return Value.unknownOf(ty.elementType()).mark(collMarks);
      }
      if (!has) {
        if (!(ty instanceof MapType) && bareKey instanceof NumberValue n) {
          BigDecimal bf = n.value();
          if (!isWhole(bf)) {
            diags.error(
                invalid,
                notIdentify + ": indexing a sequence requires a whole number, but the given index has a fractional "
                    + "part.",
                range, null);
            return DYNAMIC;
          }
          if (bf.signum() < 0) {
            diags.error(invalid, notIdentify + ": a negative number is not a valid index for a sequence.", range, null);
            return DYNAMIC;
          }
          Integer length = knownLength(collection);
          if (length != null && collMarks.isEmpty() && bf.compareTo(BigDecimal.valueOf(length)) >= 0) {
            if (length == 0) {
              diags.error(invalid, notIdentify + ": the collection has no elements.", range, null);
            } else {
              diags.error(
                  invalid, notIdentify + ": the given index is greater than or equal to the length of the collection.",
                  range, null);
            }
            return DYNAMIC;
          }
        }
        diags.error(invalid, notIdentify + ".", range, null);
        return DYNAMIC;
      }
      Marks marks = collMarks.union(keyMarks);
      if (bareColl instanceof ListValue l) {
        return l.elements().get(((NumberValue) bareKey).value().intValueExact()).mark(marks);
      } else if (bareColl instanceof TupleValue t) {
        return t.elements().get(((NumberValue) bareKey).value().intValueExact()).mark(marks);
      } else if (bareColl instanceof MapValue m) {
        return m.entries().get(((StringValue) bareKey).value()).mark(marks);
      } else if (ty instanceof TupleType tt) {
        // an unknown tuple still knows the type of each element
        return Value.unknownOf(tt.elements().get(((NumberValue) bareKey).value().intValueExact())).mark(marks);
      }
      return Value.unknownOf(ty.elementType() == null ? Type.DYNAMIC : ty.elementType()).mark(marks);
    } else if (ty instanceof ObjectType ot) {
      boolean wasNumber = kty == Type.NUMBER;
      Value k;
      try {
        k = Conversions.convert(key, Type.STRING);
      } catch (ConversionException ex) {
        diags.error(invalid, notIdentify + ": " + ex.getMessage() + ".", range, null);
        return DYNAMIC;
      }
      if (!k.isKnown()) {
        return DYNAMIC.mark(collMarks);
      }
      String name = ((StringValue) k.unmarked()).value();
      if (!ot.attributes().containsKey(name)) {
        String suggestion = wasNumber
            ? " An object only supports looking up attributes by name, not by numeric index."
            : "";
        diags.error(invalid, notIdentify + "." + suggestion, range, null);
        return DYNAMIC;
      }
      if (!collection.isKnown()) {
        return Value.unknownOf(ot.attributeType(name)).mark(collMarks);
      }
      return ((ObjectValue) collection).get(name).mark(collMarks);
    } else if (ty instanceof SetType) {
      diags.error(
          invalid,
          "Elements of a set are identified only by their value and don't have any separate index or key to select "
              + "with, so it's only possible to perform operations across all elements of the set.",
          range, null);
      return DYNAMIC;
    }
    diags.error(invalid, "This value does not have any indices.", range, null);
    return DYNAMIC;
  }

  /** cty's {@code HasIndex}: null when it cannot be known. */
  private static Boolean hasIndex(Value coll, Value key) {
    Type ty = coll.type();
    if (!key.isKnown()) {
      return null;
    }
    if (ty instanceof MapType) {
      if (!coll.isKnown()) {
        return null;
      }
      return ((MapValue) coll).entries().containsKey(((StringValue) key).value());
    }
    BigDecimal n = ((NumberValue) key).value();
    if (!isWhole(n) || n.signum() < 0) {
      return false;
    }
    if (ty instanceof TupleType tt) {
      return n.compareTo(BigDecimal.valueOf(tt.elements().size())) < 0;
    }
    if (!coll.isKnown()) {
      return null;
    }
    return n.compareTo(BigDecimal.valueOf(((ListValue) coll).elements().size())) < 0;
  }

  private static Integer knownLength(Value coll) {
    Value bare = coll.unmarked();
    if (bare instanceof ListValue l) {
      return l.elements().size();
    } else if (bare instanceof TupleValue t) {
      return t.elements().size();
    } else if (bare.type() instanceof TupleType tt) {
      return tt.elements().size();
    }
    return null;
  }

  static boolean isWhole(BigDecimal n) {
    return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
  }

  // ---- splat --------------------------------------------------------------------------------

  private static EvalResult splat(SplatExpr e, EvalContext ctx) {
    EvalResult src = eval(e.source(), ctx);
    Diags diags = new Diags().add(src.diagnostics());
    if (src.hasErrors()) {
      return result(DYNAMIC, diags);
    }
    Value sourceVal = src.value();
    Type sourceTy = sourceVal.type();
    boolean autoUpgrade = !(sourceTy instanceof TupleType || sourceTy instanceof ListType || sourceTy instanceof SetType);
    if (sourceVal.isNull()) {
      if (autoUpgrade) {
        return result(Value.tuple(List.of()).mark(sourceVal.marks()), diags);
      }
      diags.error(
          "Splat of null value", "Splat expressions (with the * symbol) cannot be applied to null sequences.",
          e.source().range(), e.range());
      return result(DYNAMIC, diags);
    }
    if (sourceTy instanceof DynamicType) {
      return result(DYNAMIC, diags);
    }
    boolean upgradedUnknown = false;
    if (autoUpgrade) {
      if (!sourceVal.isKnown()) {
        upgradedUnknown = true;
      }
      sourceVal = Value.tuple(List.of(sourceVal));
      sourceTy = sourceVal.type();
    }
    Type finalSourceTy = sourceTy;
    Function<Diags, Type> resultTy = tyDiags -> {
      if (finalSourceTy instanceof ListType || finalSourceTy instanceof SetType) {
        EvalResult r = eval(e.each(), ctx.withSplatItem(Value.unknownOf(finalSourceTy.elementType())));
        tyDiags.add(r.diagnostics());
        return new ListType(r.value().type());
      }
      List<Type> types = new ArrayList<>();
      for (Type ety : ((TupleType) finalSourceTy).elements()) {
        EvalResult r = eval(e.each(), ctx.withSplatItem(Value.unknownOf(ety)));
        tyDiags.add(r.diagnostics());
        types.add(r.value().type());
      }
      return new TupleType(types);
    };
    if (!sourceVal.isKnown()) {
      Type ty = resultTy.apply(diags);
      return result(Value.unknownOf(ty).mark(sourceVal.marks()), diags);
    }
    Marks marks = sourceVal.marks();
    List<Value> elements = elementsOf(sourceVal.unmarked());
    List<Value> vals = new ArrayList<>(elements.size());
    boolean isKnown = true;
    for (Value item : elements) {
      EvalResult r = eval(e.each(), ctx.withSplatItem(item));
      diags.add(r.diagnostics());
      if (r.hasErrors()) {
        isKnown = false;
      }
      vals.add(r.value());
    }
    if (upgradedUnknown) {
      return result(DYNAMIC, diags);
    }
    if (!isKnown) {
      return result(Value.unknownOf(resultTy.apply(new Diags())), diags);
    }
    if (sourceTy instanceof ListType || sourceTy instanceof SetType) {
      if (vals.isEmpty()) {
        Type ty = resultTy.apply(diags);
        return result(Value.list(ty.elementType(), List.of()), diags);
      }
      return result(listOf(vals).mark(marks), diags);
    }
    return result(Value.tuple(vals).mark(marks), diags);
  }

  private static List<Value> elementsOf(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    } else if (v instanceof TupleValue t) {
      return t.elements();
    } else if (v instanceof SetValue s) {
      return s.elements();
    }
    return List.of();
  }

  /** A list of the given values; they normally share one type, otherwise they are unified. */
  private static Value listOf(List<Value> vals) {
    Type first = vals.get(0).type();
    boolean same = true;
    for (Value v : vals) {
      same &= v.type().equals(first);
    }
    if (same) {
      return Value.list(first, vals);
    }
    Optional<Type> unified = Unify.unify(vals.stream().map(Value::type).toList());
    if (unified.isPresent()) {
      try {
        List<Value> converted = new ArrayList<>(vals.size());
        for (Value v : vals) {
          converted.add(Conversions.convert(v, unified.get()));
        }
        return Value.list(unified.get(), converted);
      } catch (ConversionException ex) {
        // fall through: keep the elements as they are
      }
    }
    return Value.tuple(vals);
  }

  // ---- conditional --------------------------------------------------------------------------

  static EvalResult conditional(
      Expr condition, EvalResult trueR, SourceRange trueRange, EvalResult falseR, SourceRange falseRange,
      SourceRange range, EvalContext ctx) {
    Value trueResult = trueR.value();
    Value falseResult = falseR.value();
    Diags diags = new Diags();
    Type resultType = Type.DYNAMIC;
    boolean convertTrue = false;
    boolean convertFalse = false;
    if (isDynamicNull(trueResult)) {
      resultType = falseResult.type();
      convertTrue = true;
    } else if (isDynamicNull(falseResult)) {
      resultType = trueResult.type();
      convertFalse = true;
    } else if (trueResult.type() instanceof DynamicType || falseResult.type() instanceof DynamicType) {
      resultType = Type.DYNAMIC;
    } else {
      Optional<Type> unified = Unify.unifyUnsafe(List.of(trueResult.type(), falseResult.type()));
      if (unified.isEmpty()) {
        diags.error(
            "Inconsistent conditional result types",
            "The true and false result expressions must have consistent types. "
                + describeMismatch(trueResult.type(), falseResult.type()) + ".",
            Names.between(trueRange, falseRange), range);
        return result(DYNAMIC, diags);
      }
      resultType = unified.get();
      convertTrue = !trueResult.type().equals(resultType);
      convertFalse = !falseResult.type().equals(resultType);
    }

    EvalResult condR = eval(condition, ctx);
    diags.add(condR.diagnostics());
    Value cond = condR.value();
    if (cond.isNull()) {
      diags.error(
          "Null condition", "The condition value is null. Conditions must either be true or false.",
          condition.range(), range);
      return result(Value.unknownOf(resultType), diags);
    }
    Marks marks = cond.marks().union(trueResult.marks()).union(falseResult.marks());
    cond = cond.unmarked();
    trueResult = trueResult.unmarked();
    falseResult = falseResult.unmarked();
    if (!cond.isKnown()) {
      if (trueResult.isNull() && falseResult.isNull()) {
        return result(Value.nullOf(resultType).mark(marks), diags);
      }
      return result(Value.unknownOf(resultType).mark(marks), diags);
    }
    Value b;
    try {
      b = Conversions.convert(cond, Type.BOOL);
    } catch (ConversionException ex) {
      diags.error(
          "Incorrect condition type", "The condition expression must be of type bool.", condition.range(), range);
      return result(Value.unknownOf(resultType), diags);
    }
    boolean which = ((BoolValue) b).value();
    Value chosen = which ? trueResult : falseResult;
    diags.add(which ? trueR.diagnostics() : falseR.diagnostics());
    if (which ? convertTrue : convertFalse) {
      try {
        chosen = Conversions.convert(chosen, resultType);
      } catch (ConversionException ex) {
        diags.error(
            "Inconsistent conditional result types",
            "The " + (which ? "true" : "false") + " result value has the wrong type: " + ex.getMessage() + ".",
            which ? trueRange : falseRange, range);
        chosen = Value.unknownOf(resultType);
      }
    }
    return result(chosen.mark(marks), diags);
  }

  private static boolean isDynamicNull(Value v) {
    return v instanceof NullValue n && n.type() instanceof DynamicType && n.marks().isEmpty();
  }

  /** HCL's {@code describeConditionalTypeMismatch}. */
  static String describeMismatch(Type t, Type f) {
    if (t instanceof ObjectType to && f instanceof ObjectType fo) {
      for (String name : new TreeMap<>(to.attributes()).keySet()) {
        if (!fo.attributes().containsKey(name)) {
          return "The 'true' value includes object attribute " + Names.quote(name)
              + ", which is absent in the 'false' value";
        }
        Type ta = to.attributeType(name);
        Type fa = fo.attributeType(name);
        if (!ta.equals(fa)) {
          return "Type mismatch for object attribute " + Names.quote(name) + ": " + describeMismatch(ta, fa);
        }
      }
      for (String name : new TreeMap<>(fo.attributes()).keySet()) {
        if (!to.attributes().containsKey(name)) {
          return "The 'false' value includes object attribute " + Names.quote(name)
              + ", which is absent in the 'true' value";
        }
      }
    } else if (t instanceof TupleType tt && f instanceof TupleType ft) {
      if (tt.elements().size() != ft.elements().size()) {
        return "The 'true' tuple has length " + tt.elements().size() + ", but the 'false' tuple has length "
            + ft.elements().size();
      }
      for (int i = 0; i < tt.elements().size(); i++) {
        if (!tt.elements().get(i).equals(ft.elements().get(i))) {
          return "Type mismatch for tuple element " + i + ": "
              + describeMismatch(tt.elements().get(i), ft.elements().get(i));
        }
      }
    } else if (t.isCollection() && f.isCollection() && t.getClass() == f.getClass()) {
      Type te = t.elementType();
      Type fe = f.elementType();
      if ((te instanceof ObjectType && fe instanceof ObjectType) || (te instanceof TupleType && fe instanceof TupleType)) {
        String noun = t instanceof ListType ? "list" : t instanceof SetType ? "set" : "map";
        return "Mismatched " + noun + " element types: " + describeMismatch(te, fe);
      }
    }
    if (t.friendlyName().equals(f.friendlyName())) {
      return "At least one deeply-nested attribute or element is not compatible across both the 'true' and the "
          + "'false' value";
    }
    return "The 'true' value is " + t.friendlyName() + ", but the 'false' value is " + f.friendlyName();
  }

  // ---- operators ----------------------------------------------------------------------------

  private static Type operandType(Operation op) {
    switch (op) {
      case OR:
      case AND:
      case NOT:
        return Type.BOOL;
      case EQUAL:
      case NOT_EQUAL:
        return Type.DYNAMIC;
      default:
        return Type.NUMBER;
    }
  }

  private static Type resultType(Operation op) {
    switch (op) {
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
      case MODULO:
      case NEGATE:
        return Type.NUMBER;
      default:
        return Type.BOOL;
    }
  }

  private static EvalResult binary(BinaryOpExpr e, EvalContext ctx) {
    Type paramType = operandType(e.op());
    Type resType = resultType(e.op());
    Diags diags = new Diags();
    EvalResult lhsR = eval(e.lhs(), ctx);
    Value lhs = DYNAMIC;
    try {
      lhs = Conversions.convert(lhsR.value(), paramType);
    } catch (ConversionException ex) {
      diags.error(
          "Invalid operand", "Unsuitable value for left operand: " + ex.getMessage() + ".", e.lhs().range(),
          e.range());
    }
    EvalResult rhsR = eval(e.rhs(), ctx);
    Value rhs = DYNAMIC;
    try {
      rhs = Conversions.convert(rhsR.value(), paramType);
    } catch (ConversionException ex) {
      diags.error(
          "Invalid operand", "Unsuitable value for right operand: " + ex.getMessage() + ".", e.rhs().range(),
          e.range());
    }
    if (diags.hasErrors()) {
      diags.add(lhsR.diagnostics()).add(rhsR.diagnostics());
      return result(Value.unknownOf(resType), diags);
    }
    Marks marks = lhs.marks().union(rhs.marks());
    lhs = lhs.unmarked();
    rhs = rhs.unmarked();
    if (e.op() == Operation.OR || e.op() == Operation.AND) {
      EvalResult forced = shortCircuit(e.op(), lhs, rhs, lhsR.diagnostics(), rhsR.diagnostics());
      if (forced != null) {
        return new EvalResult(forced.value().mark(marks), forced.diagnostics());
      }
    }
    diags.add(lhsR.diagnostics()).add(rhsR.diagnostics());
    if (diags.hasErrors()) {
      return result(Value.unknownOf(resType).mark(marks), diags);
    }
    try {
      return result(apply(e.op(), lhs, rhs).mark(marks), diags);
    } catch (OperationException ex) {
      diags.error("Operation failed", "Error during operation: " + ex.getMessage() + ".", e.range(), null);
      return result(Value.unknownOf(resType), diags);
    }
  }

  /** HCL's {@code ShortCircuit} for {@code ||} and {@code &&}: only the deciding side's diagnostics count. */
  private static EvalResult shortCircuit(Operation op, Value lhs, Value rhs, Diagnostics lhsDiags, Diagnostics rhsDiags) {
    Value unknownBool = Value.unknownOf(Type.BOOL);
    boolean decider = op == Operation.OR;
    if (!lhs.isKnown() && !rhs.isKnown()) {
      return lhsDiags.hasErrors() ? null : new EvalResult(unknownBool, lhsDiags);
    }
    if (lhs.isKnown() && Operators.isTrue(lhs) == decider) {
      return new EvalResult(Value.bool(decider), lhsDiags);
    }
    if (rhs.isKnown() && Operators.isTrue(rhs) == decider) {
      return new EvalResult(Value.bool(decider), rhsDiags);
    }
    if (!lhs.isKnown()) {
      return new EvalResult(unknownBool, lhsDiags);
    }
    if (!rhs.isKnown()) {
      return new EvalResult(unknownBool, rhsDiags);
    }
    return null;
  }

  private static Value apply(Operation op, Value l, Value r) throws OperationException {
    switch (op) {
      case OR:
        return Operators.or(l, r);
      case AND:
        return Operators.and(l, r);
      case EQUAL:
        return Operators.equal(l, r);
      case NOT_EQUAL:
        return Operators.notEqual(l, r);
      case GREATER:
        return Operators.greaterThan(l, r);
      case GREATER_OR_EQUAL:
        return Operators.greaterThanOrEqual(l, r);
      case LESS:
        return Operators.lessThan(l, r);
      case LESS_OR_EQUAL:
        return Operators.lessThanOrEqual(l, r);
      case ADD:
        return Operators.add(l, r);
      case SUBTRACT:
        return Operators.subtract(l, r);
      case MULTIPLY:
        return Operators.multiply(l, r);
      case DIVIDE:
        return Operators.divide(l, r);
      case MODULO:
        return Operators.modulo(l, r);
      default:
        throw new IllegalStateException("not a binary operator: " + op);
    }
  }

  private static EvalResult unary(UnaryOpExpr e, EvalContext ctx) {
    Type paramType = e.op() == Operation.NOT ? Type.BOOL : Type.NUMBER;
    EvalResult r = eval(e.operand(), ctx);
    Diags diags = new Diags().add(r.diagnostics());
    Value v = DYNAMIC;
    try {
      v = Conversions.convert(r.value(), paramType);
    } catch (ConversionException ex) {
      diags.error(
          "Invalid operand", "Unsuitable value for unary operand: " + ex.getMessage() + ".", e.operand().range(),
          e.range());
    }
    if (diags.hasErrors()) {
      return result(Value.unknownOf(paramType), diags);
    }
    try {
      return result(e.op() == Operation.NOT ? Operators.not(v) : Operators.negate(v), diags);
    } catch (OperationException ex) {
      diags.error("Operation failed", "Error during operation: " + ex.getMessage() + ".", e.range(), null);
      return result(Value.unknownOf(paramType), diags);
    }
  }

  // ---- for expressions ------------------------------------------------------------------------

  /** The key/value pairs a {@code for} iterates: lists and tuples by index, maps and objects by key, sets by value. */
  static List<Map.Entry<Value, Value>> iterate(Value coll) {
    List<Map.Entry<Value, Value>> out = new ArrayList<>();
    if (coll instanceof ListValue l) {
      for (int i = 0; i < l.elements().size(); i++) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(Value.number(i), l.elements().get(i)));
      }
    } else if (coll instanceof TupleValue t) {
      for (int i = 0; i < t.elements().size(); i++) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(Value.number(i), t.elements().get(i)));
      }
    } else if (coll instanceof MapValue m) {
      m.entries().forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(Value.string(k), v)));
    } else if (coll instanceof ObjectValue o) {
      o.attributes().forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(Value.string(k), v)));
    } else if (coll instanceof SetValue s) {
      for (Value v : s.elements()) {
        out.add(new AbstractMap.SimpleImmutableEntry<>(v, v));
      }
    }
    return out;
  }

  private static boolean canIterate(Type t) {
    return t instanceof ListType || t instanceof MapType || t instanceof SetType || t instanceof TupleType
        || t instanceof ObjectType;
  }

  private static EvalContext iterationScope(EvalContext ctx, String keyVar, String valueVar, Value k, Value v) {
    // immutable maps of one or two entries, which the scope keeps without copying
    if (keyVar == null || keyVar.equals(valueVar)) {
      return ctx.childOfImmutable(Map.of(valueVar, v));
    }
    return ctx.childOfImmutable(Map.of(keyVar, k, valueVar, v));
  }

  private static EvalResult forExpr(ForExpr e, EvalContext ctx) {
    if (!e.isObjectForm()) {
      return forTuple(
          e.keyVar(), e.valueVar(), e.collection(), e.condition(), c -> eval(e.valueExpr(), c), e.range(), ctx);
    }
    Diags diags = new Diags();
    Prepared p = prepareFor(e.keyVar(), e.valueVar(), e.collection(), e.condition(), e.range(), ctx, diags);
    if (p == null) {
      return result(DYNAMIC, diags);
    }
    Marks marks = p.marks;
    TreeMap<String, Value> vals = new TreeMap<>(); // sorted as the object value keeps it: no copy
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    boolean known = true;
    for (Map.Entry<Value, Value> kv : iterate(p.collection)) {
      EvalContext child = iterationScope(ctx, e.keyVar(), e.valueVar(), kv.getKey(), kv.getValue());
      if (e.condition() != null) {
        Include inc = include(e.condition(), child, e.range(), known, true, diags);
        if (inc == Include.UNKNOWN) {
          known = false;
          continue;
        }
        marks = marks.union(inc.marks);
        if (!inc.include) {
          continue;
        }
      }
      EvalResult keyR = eval(e.keyExpr(), child);
      diags.add(keyR.diagnostics());
      Value keyRaw = keyR.value();
      if (keyRaw.isNull()) {
        if (known) {
          diags.error(
              "Invalid object key", "Key expression in 'for' expression must not produce a null value.",
              e.keyExpr().range(), e.range());
        }
        known = false;
        continue;
      }
      if (!keyRaw.isKnown()) {
        known = false;
        continue;
      }
      Value key;
      try {
        key = Conversions.convert(keyRaw, Type.STRING);
      } catch (ConversionException ex) {
        if (known) {
          diags.error(
              "Invalid object key", "The key expression produced an invalid result: " + ex.getMessage() + ".",
              e.keyExpr().range(), e.range());
        }
        known = false;
        continue;
      }
      marks = marks.union(key.marks());
      String k = ((StringValue) key.unmarked()).value();
      EvalResult valR = eval(e.valueExpr(), child);
      diags.add(valR.diagnostics());
      if (e.grouped()) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(valR.value());
      } else if (vals.containsKey(k)) {
        diags.error(
            "Duplicate object key",
            "Two different items produced the key " + Names.quote(k) + " in this 'for' expression. If duplicates are "
                + "expected, use the ellipsis (...) after the value expression to enable grouping by key.",
            e.keyExpr().range(), e.range());
      } else {
        vals.put(k, valR.value());
      }
    }
    if (!known) {
      return result(DYNAMIC, diags);
    }
    if (e.grouped()) {
      groups.forEach((k, vs) -> vals.put(k, Value.tuple(vs)));
    }
    return result(Value.object(SortedAttributes.wrap(vals)).mark(marks), diags);
  }

  /** The tuple form, also used by template {@code for} directives. */
  static EvalResult forTuple(
      String keyVar, String valueVar, Expr collection, Expr condition, Function<EvalContext, EvalResult> valueFn,
      SourceRange range, EvalContext ctx) {
    Diags diags = new Diags();
    Prepared p = prepareFor(keyVar, valueVar, collection, condition, range, ctx, diags);
    if (p == null) {
      return result(DYNAMIC, diags);
    }
    Marks marks = p.marks;
    List<Value> vals = new ArrayList<>();
    boolean known = true;
    for (Map.Entry<Value, Value> kv : iterate(p.collection)) {
      EvalContext child = iterationScope(ctx, keyVar, valueVar, kv.getKey(), kv.getValue());
      if (condition != null) {
        Include inc = include(condition, child, range, known, false, diags);
        if (inc == Include.UNKNOWN) {
          known = false;
          continue;
        }
        marks = marks.union(inc.marks);
        if (!inc.include) {
          continue;
        }
      }
      EvalResult valR = valueFn.apply(child);
      diags.add(valR.diagnostics());
      vals.add(valR.value());
    }
    if (!known) {
      return result(DYNAMIC, diags);
    }
    return result(Value.tuple(vals).mark(marks), diags);
  }

  private record Prepared(Value collection, Marks marks) {}

  /** The checks HCL makes before iterating; null when the result must be an unknown placeholder. */
  private static Prepared prepareFor(
      String keyVar, String valueVar, Expr collection, Expr condition, SourceRange range, EvalContext ctx,
      Diags diags) {
    EvalResult collR = eval(collection, ctx);
    diags.add(collR.diagnostics());
    Value coll = collR.value();
    if (coll.isNull()) {
      diags.error(
          "Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.",
          collection.range(), range);
      return null;
    }
    if (coll.type() instanceof DynamicType) {
      return null;
    }
    Marks marks = coll.marks();
    coll = coll.unmarked();
    if (!canIterate(coll.type())) {
      diags.error(
          "Iteration over non-iterable value",
          "A value of type " + coll.type().friendlyName() + " cannot be used as the collection in a 'for' expression.",
          collection.range(), range);
      return null;
    }
    if (!coll.isKnown()) {
      return null;
    }
    if (condition != null) {
      EvalResult r = eval(condition, iterationScope(ctx, keyVar, valueVar, DYNAMIC, DYNAMIC));
      diags.add(r.diagnostics());
      if (r.value().isNull()) {
        diags.error(
            "Condition is null", "The value of the 'if' clause must not be null.", condition.range(), range);
        return null;
      }
      try {
        Conversions.convert(r.value(), Type.BOOL);
      } catch (ConversionException ex) {
        diags.error(
            "Invalid 'for' condition", "The 'if' clause value is invalid: " + ex.getMessage() + ".",
            condition.range(), range);
        return null;
      }
      if (r.hasErrors()) {
        return null;
      }
    }
    return new Prepared(coll, marks);
  }

  private static final class Include {
    static final Include UNKNOWN = new Include(false, Marks.NONE);
    final boolean include;
    final Marks marks;

    Include(boolean include, Marks marks) {
      this.include = include;
      this.marks = marks;
    }
  }

  /**
   * The {@code if} clause for one element. As in HCL, the tuple form skips an unknown condition
   * before checking its type, while the object form converts it first.
   */
  private static Include include(
      Expr condition, EvalContext child, SourceRange range, boolean known, boolean objectForm, Diags diags) {
    EvalResult r = eval(condition, child);
    diags.add(r.diagnostics());
    Value raw = r.value();
    if (raw.isNull()) {
      if (known) {
        diags.error("Invalid 'for' condition", "The value of the 'if' clause must not be null.", condition.range(), range);
      }
      return Include.UNKNOWN;
    }
    if (!objectForm && !raw.isKnown()) {
      return Include.UNKNOWN;
    }
    Value b;
    try {
      b = Conversions.convert(raw, Type.BOOL);
    } catch (ConversionException ex) {
      if (known) {
        diags.error(
            "Invalid 'for' condition", "The 'if' clause value is invalid: " + ex.getMessage() + ".", condition.range(),
            range);
      }
      return Include.UNKNOWN;
    }
    if (!b.isKnown()) {
      return Include.UNKNOWN;
    }
    return new Include(((BoolValue) b.unmarked()).value(), b.marks());
  }

  // ---- object constructors ----------------------------------------------------------------------

  private static EvalResult object(ObjectExpr o, EvalContext ctx) {
    Diags diags = new Diags();
    TreeMap<String, Value> vals = new TreeMap<>(); // sorted as the object value keeps it: no copy
    Marks marks = Marks.NONE;
    boolean known = true;
    List<ObjectExpr.Item> items = o.items();
    for (int i = 0, n = items.size(); i < n; i++) { // indexed: no iterator per object
      ObjectExpr.Item item = items.get(i);
      Diags keyDiags = new Diags();
      Value key = objectKey(item.key(), ctx, keyDiags);
      diags.add(keyDiags.toDiagnostics());
      EvalResult valR = eval(item.value(), ctx);
      diags.add(valR.diagnostics());
      if (keyDiags.hasErrors()) {
        known = false;
        continue;
      }
      if (key.isNull()) {
        diags.error("Null value as key", "Can't use a null value as a key.", item.value().range(), null);
        known = false;
        continue;
      }
      marks = marks.union(key.marks());
      Value k;
      try {
        k = Conversions.convert(key.unmarked(), Type.STRING);
      } catch (ConversionException ex) {
        diags.error(
            "Incorrect key type", "Can't use this value as a key: " + ex.getMessage() + ".", item.key().range(), null);
        known = false;
        continue;
      }
      if (!k.isKnown()) {
        known = false;
        continue;
      }
      vals.put(((StringValue) k).value(), valR.value());
    }
    if (!known) {
      return result(DYNAMIC, diags);
    }
    return result(Value.object(SortedAttributes.wrap(vals)).mark(marks), diags);
  }

  /** HCL's {@code ObjectConsKeyExpr}: a bare name or keyword is a literal key. */
  private static Value objectKey(Expr key, EvalContext ctx, Diags diags) {
    if (key instanceof TraversalExpr t) {
      if (!t.steps().isEmpty()) {
        diags.error(
            "Ambiguous attribute key",
            "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a "
                + "literal name containing periods, wrap it in quotes to create a string literal.",
            t.range(), null);
        return DYNAMIC;
      }
      return Value.string(t.root());
    }
    if (key instanceof LiteralExpr l) {
      if (l.value() instanceof StringValue) {
        return l.value(); // a bare name or quoted key: what evaluating the literal gives, without a result object
      }
      if (l.value() instanceof NullValue) {
        return Value.string("null");
      }
      if (l.value() instanceof BoolValue b) {
        return Value.string(b.value() ? "true" : "false");
      }
    }
    EvalResult r = eval(key, ctx);
    diags.add(r.diagnostics());
    return r.value();
  }

  /** Converts for function arguments; exposed to the call machinery in this package. */
  static Value convertArg(Value v, Param p) throws ConversionException {
    if (p.type() instanceof DynamicType) {
      return v;
    }
    return Conversions.convert(v, p.type());
  }
}
