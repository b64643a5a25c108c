package dev.kplan.lang.eval;

import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names an expression can see: variables in chained scopes (a child scope, such as the one a
 * {@code for} expression opens, shadows its parent) and the functions of the root scope. Root
 * names such as {@code var}, {@code local}, {@code each}, {@code count} and {@code path} are just
 * variables holding object values. A scope created with {@code null} variables allows no variable
 * references at all, as HCL's nil variable map does; a root with {@code null} functions allows no
 * function calls.
 */
public final class EvalContext {
  private final EvalContext parent;
  private final Map<String, Value> variables;
  private final FunctionTable functions;
  private final boolean hasSplatItem;
  private final Value splatItem;

  /** {@code variables} is kept as it is: callers pass a copy or a map that cannot change. */
  private EvalContext(
      EvalContext parent, Map<String, Value> variables, FunctionTable functions, boolean hasSplatItem,
      Value splatItem) {
    this.parent = parent;
    this.variables = variables;
    this.functions = functions;
    this.hasSplatItem = hasSplatItem;
    this.splatItem = splatItem;
  }

  private static Map<String, Value> copy(Map<String, Value> variables) {
    return variables == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  public static EvalContext root(FunctionTable functions, Map<String, Value> variables) {
    return new EvalContext(null, copy(variables), functions, false, null);
  }

  /** A scope whose variables shadow this one's. */
  public EvalContext child(Map<String, Value> childVariables) {
    return new EvalContext(this, copy(childVariables), null, false, null);
  }

  /**
   * A child scope that keeps {@code immutableVariables} as they are: for the scope of every
   * iteration of a {@code for} expression, which would otherwise copy its one or two variables.
   */
  EvalContext childOfImmutable(Map<String, Value> immutableVariables) {
    return new EvalContext(this, immutableVariables, null, false, null);
  }

  /** A scope in which the current splat element ({@code SplatItemExpr}) has the given value. */
  EvalContext withSplatItem(Value item) {
    return new EvalContext(this, null, null, true, item);
  }

  public EvalContext parent() {
    return parent;
  }

  /** The value of {@code name} in the nearest scope that defines it, or null. */
  public Value lookup(String name) {
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.variables != null) {
        Value v = c.variables.get(name);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  /** True when some scope has a variable map (HCL's "variables allowed here"). */
  boolean variablesAllowed() {
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.variables != null) {
        return true;
      }
    }
    return false;
  }

  /** All visible variable names, sorted, for "did you mean" suggestions. */
  Iterable<String> variableNames() {
    TreeSet<String> names = new TreeSet<>();
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.variables != null) {
        names.addAll(c.variables.keySet());
      }
    }
    return names;
  }

  /** The function table of the root scope, or null when function calls are not allowed. */
  public FunctionTable functions() {
    EvalContext c = this;
    while (c.parent != null) {
      c = c.parent;
    }
    return c.functions;
  }

  /** The nearest splat element, or null outside a splat's per-element expression. */
  Value splatItem() {
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.hasSplatItem) {
        return c.splatItem;
      }
    }
    return null;
  }
}
