package dev.kplan.lang.types;

/** {@code any}: the type not yet decided (cty's DynamicPseudoType). */
public enum DynamicType implements Type {
  DYNAMIC;

  @Override
  public String friendlyName() {
    return "dynamic";
  }

  @Override
  public String typeExpression() {
    return "any";
  }

  @Override
  public boolean hasDynamicTypes() {
    return true;
  }
}
