package dev.kplan.lang.types;

import java.util.Locale;

/** string, number and bool. */
public enum PrimitiveType implements Type {
  STRING,
  NUMBER,
  BOOL;

  @Override
  public String friendlyName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String typeExpression() {
    return friendlyName();
  }
}
