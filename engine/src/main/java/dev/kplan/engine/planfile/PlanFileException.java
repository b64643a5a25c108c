package dev.kplan.engine.planfile;

/** A plan file's content that does not fit the format; becomes a "corrupt plan file" diagnostic. */
final class PlanFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PlanFileException(String message) {
    super(message);
  }
}
