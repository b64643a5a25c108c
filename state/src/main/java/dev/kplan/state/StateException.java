package dev.kplan.state;

/**
 * A state store that cannot do what was asked: unreachable, corrupt, written by a newer kplan,
 * locked by someone else. The message is written for the user; the CLI shows it as a diagnostic.
 */
public class StateException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
