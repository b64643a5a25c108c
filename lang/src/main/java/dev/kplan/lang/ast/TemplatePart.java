package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/** A piece of a template: literal text, an interpolation, or an {@code if}/{@code for} directive. */
public sealed interface TemplatePart extends Node {
  /** Literal text, escapes already decoded. */
  record Literal(String text, SourceRange range) implements TemplatePart {
    public Literal {
      Objects.requireNonNull(text, "text is null");
    }
  }

  /** {@code ${expr}}. */
  record Interpolation(Expr expr, SourceRange range) implements TemplatePart {
    public Interpolation {
      Objects.requireNonNull(expr, "expr is null");
    }
  }

  /** {@code %{ if cond }then%{ else }otherwise%{ endif }}; {@code otherwise} is empty without else. */
  record If(Expr condition, List<TemplatePart> then, List<TemplatePart> otherwise, SourceRange range)
      implements TemplatePart {
    public If {
      Objects.requireNonNull(condition, "condition is null");
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code %{ for k, v in coll }body%{ endfor }}; {@code keyVar} is null when only one name is given. */
  record For(String keyVar, String valueVar, Expr collection, List<TemplatePart> body, SourceRange range)
      implements TemplatePart {
    public For {
      Objects.requireNonNull(valueVar, "valueVar is null");
      Objects.requireNonNull(collection, "collection is null");
      body = List.copyOf(body);
    }
  }
}
