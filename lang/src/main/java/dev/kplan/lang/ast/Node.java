package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;

/** Anything in the syntax tree: it knows where it came from. */
public interface Node {
  SourceRange range();
}
