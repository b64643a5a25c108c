package dev.kplan.lang.functions;

/**
 * A call that cannot produce a value. {@code argIndex} names the offending argument (0-based), or
 * is -1 when the call as a whole failed; the evaluator turns this into Terraform's
 * "Invalid function argument" or "Error in function call" diagnostic.
 */
public final class FunctionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int argIndex;

  public FunctionException(int argIndex, String message) {
    super(message, null, false, false);
    this.argIndex = argIndex;
  }

  public FunctionException(String message) {
    this(-1, message);
  }

  public int argIndex() {
    return argIndex;
  }
}
