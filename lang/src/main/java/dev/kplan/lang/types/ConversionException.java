package dev.kplan.lang.types;

import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;

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

  /**
   * The message with its path in front, as Terraform shows conversion errors of variables and
   * outputs ({@code tfdiags.FormatError}): {@code [1].n: a number is required}.
   */
  public String messageWithPath() {
    if (path == null || path.steps().isEmpty()) {
      return getMessage();
    }
    StringBuilder sb = new StringBuilder();
    for (PathStep step : path.steps()) {
      if (step instanceof PathStep.GetAttr a) {
        sb.append('.').append(a.name());
      } else if (step instanceof PathStep.Index i) {
        Value k = i.key();
        sb.append('[');
        if (k.isNull()) {
          sb.append("null");
        } else if (!k.isKnown()) {
          sb.append("(not yet known)");
        } else if (k instanceof NumberValue n) {
          sb.append(n.value().toPlainString());
        } else if (k instanceof StringValue s) {
          sb.append(MismatchMessage.quote(s.value()));
        } else {
          sb.append("...");
        }
        sb.append(']');
      }
    }
    return sb + ": " + getMessage();
  }
}
