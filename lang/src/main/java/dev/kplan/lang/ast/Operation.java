package dev.kplan.lang.ast;

/** The unary and binary operators of HCL, with their source tokens. */
public enum Operation {
  OR("||"),
  AND("&&"),
  NOT("!"),
  EQUAL("=="),
  NOT_EQUAL("!="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  MODULO("%"),
  NEGATE("-");

  private final String token;

  Operation(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
