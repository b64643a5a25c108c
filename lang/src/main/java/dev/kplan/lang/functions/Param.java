package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/**
 * A function parameter. Arguments are converted to {@code type} first ({@code any} converts
 * nothing). Unless allowed: a null argument is an error, an unknown argument makes the call return
 * an unknown of the return type, marks are removed before the call and put on the result, and an
 * argument whose type is still {@code any} (a bare {@code null}, an unknown of any type) makes the
 * result an unknown of type {@code any} without asking the function.
 */
public record Param(
    String name,
    Type type,
    boolean allowNull,
    boolean allowUnknown,
    boolean allowMarked,
    boolean allowDynamicType) {
  public Param {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }

  public Param(String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowMarked) {
    this(name, type, allowNull, allowUnknown, allowMarked, false);
  }

  public static Param of(String name, Type type) {
    return new Param(name, type, false, false, false, false);
  }

  public Param allowingNull() {
    return new Param(name, type, true, allowUnknown, allowMarked, allowDynamicType);
  }

  public Param allowingUnknown() {
    return new Param(name, type, allowNull, true, allowMarked, allowDynamicType);
  }

  public Param allowingMarked() {
    return new Param(name, type, allowNull, allowUnknown, true, allowDynamicType);
  }

  public Param allowingDynamicType() {
    return new Param(name, type, allowNull, allowUnknown, allowMarked, true);
  }
}
