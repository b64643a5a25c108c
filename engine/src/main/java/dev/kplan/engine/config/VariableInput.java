package dev.kplan.engine.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One source of input variable values. Inputs are applied in the order given, later ones winning,
 * which is Terraform's precedence when callers list them as: environment, auto files, then the
 * command line's {@code -var} and {@code -var-file} in the order typed.
 */
public sealed interface VariableInput {
  /** {@code -var name=value} (or {@code KPLAN_VAR_name}): raw text, parsed according to the variable's type. */
  record Raw(String name, String text, Origin origin) implements VariableInput {
    public Raw {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(text, "text is null");
      Objects.requireNonNull(origin, "origin is null");
    }
  }

  /** A {@code *.kpvars.hcl} file of {@code name = value} attributes. */
  record File(Path path, boolean automatic) implements VariableInput {
    public File {
      Objects.requireNonNull(path, "path is null");
    }
  }

  /** Where a raw value came from, for diagnostics. */
  enum Origin {
    COMMAND_LINE,
    ENVIRONMENT
  }
}
