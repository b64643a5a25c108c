package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * An {@code import { to = ADDR  id = "…" }} block: the existing object {@code id} (evaluated at
 * plan time) is brought under management as the instance {@code to}, without creating it.
 */
public record ImportBlock(ResourceAddress to, Expr id, SourceRange range) {
  public ImportBlock {
    Objects.requireNonNull(to, "to is null");
    Objects.requireNonNull(id, "id is null");
  }
}
