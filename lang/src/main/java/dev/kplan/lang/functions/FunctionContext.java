package dev.kplan.lang.functions;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What some functions need from outside: the folder relative paths start from ({@code file},
 * {@code templatefile}), the clock ({@code timestamp}) and the template renderer
 * ({@code templatefile}, implemented by the evaluator).
 */
public record FunctionContext(Path baseDir, Clock clock, TemplateRenderer templates) {
  public FunctionContext {
    Objects.requireNonNull(baseDir, "baseDir is null");
    Objects.requireNonNull(clock, "clock is null");
  }

  /** Renders template text (as in {@code templatefile}) with the given variables. */
  @FunctionalInterface
  public interface TemplateRenderer {
    dev.kplan.lang.value.Value render(String text, String fileName, java.util.Map<String, dev.kplan.lang.value.Value> vars)
        throws FunctionException;
  }
}
