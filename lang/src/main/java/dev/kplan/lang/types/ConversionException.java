package dev.kplan.lang.types;

import dev.kplan.lang.value.Path;

/**
 * A value that cannot be converted to the wanted type. The message reads as Terraform's
 * ("a number is required"); {@code path} says where inside a nested value it failed.
 */
public final class ConversionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Path path;

  public ConversionException(Path path, String message) {
    super(message, null, false, false);
    this.path = path;
  }

  public ConversionException(String message) {
    this(Path.ROOT, message);
  }

  public Path path() {
    return path;
  }
}
