package dev.kplan.lang.eval;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.Severity;
import dev.kplan.lang.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** A growing list of diagnostics while one construct is evaluated. */
final class Diags {
  private List<Diagnostic> items = List.of(); // most evaluations have none: allocate on the first

  Diags add(Diagnostics ds) {
    if (!ds.isEmpty()) {
      mutable().addAll(ds.items());
    }
    return this;
  }

  Diags add(Diagnostic d) {
    mutable().add(d);
    return this;
  }

  Diags error(String summary, String detail, SourceRange subject, SourceRange context) {
    mutable().add(new Diagnostic(Severity.ERROR, summary, detail, subject, context));
    return this;
  }

  private List<Diagnostic> mutable() {
    if (items.isEmpty() && !(items instanceof ArrayList)) {
      items = new ArrayList<>();
    }
    return items;
  }

  boolean hasErrors() {
    for (Diagnostic d : items) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  Diagnostics toDiagnostics() {
    return items.isEmpty() ? Diagnostics.NONE : Diagnostics.of(items);
  }
}
