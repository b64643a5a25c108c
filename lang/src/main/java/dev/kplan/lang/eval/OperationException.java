package dev.kplan.lang.eval;

/**
 * An operator that cannot produce a value for its (correctly typed) operands, such as
 * {@code null + 1}. The evaluator reports it as HCL's "Operation failed" diagnostic.
 */
public final class OperationException extends Exception {
  private static final long serialVersionUID = 1L;

  public OperationException(String message) {
    super(message, null, false, false);
  }
}
