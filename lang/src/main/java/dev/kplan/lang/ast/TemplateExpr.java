package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;

/**
 * A string template ({@code "a ${b} %{if c}d%{endif}"} or a heredoc). Strip markers ({@code ~}) are
 * already applied to the neighbouring literal parts by the parser.
 */
public record TemplateExpr(List<TemplatePart> parts, boolean heredoc, SourceRange range) implements Expr {
  public TemplateExpr {
    parts = List.copyOf(parts);
  }
}
