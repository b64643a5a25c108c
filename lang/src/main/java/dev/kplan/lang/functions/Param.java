package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/**
 * A function parameter. Arguments are converted to {@code type} first ({@code any} converts
 * nothing). Unless allowed: a null argument is an error, an argument that is not wholly known makes
 * the call return an unknown of the return type, and marks are removed before the call and put on
 * the result.
 */
public record Param(
    String name, Type type, boolean allowNull, boolean allowUnknown, boolean allowMarked) {
  public Param {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }

  public static Param of(String name, Type type) {
    return new Param(name, type, false, false, false);
  }

  public Param allowingNull() {
    return new Param(name, type, true, allowUnknown, allowMarked);
  }

  public Param allowingUnknown() {
    return new Param(name, type, allowNull, true, allowMarked);
  }

  public Param allowingMarked() {
    return new Param(name, type, allowNull, allowUnknown, true);
  }
}
