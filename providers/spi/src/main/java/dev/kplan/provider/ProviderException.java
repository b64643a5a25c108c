package dev.kplan.provider;

/**
 * The few provider faults that are not user diagnostics: a broken provider or an impossible
 * request. Anything a user can cause is a diagnostic in a result instead.
 */
public final class ProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of fault. */
  public enum Code {
    PROVIDER_BUG,
    UNKNOWN_TYPE,
    NOT_CONFIGURED
  }

  private final Code code;

  public ProviderException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
