package dev.kplan.lang.syntax;

import dev.kplan.lang.diag.SourceRange;

/** Range formatting as hcl.Range.String() prints it inside diagnostic details. */
final class Ranges {
  private Ranges() {}

  static String hcl(SourceRange r) {
    if (r.startLine() == r.endLine()) {
      return r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endCol();
    }
    return r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endLine() + "," + r.endCol();
  }
}
