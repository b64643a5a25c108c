package dev.kplan.cli;

import dev.kplan.lang.diag.DiagnosticRenderer;
import dev.kplan.lang.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.Map;

/** Writes diagnostics to a stream as Terraform shows them, quoting the source lines they point at. */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void print(PrintWriter err, Diagnostics diags, Map<String, String> sources, boolean color) {
    if (diags.isEmpty()) {
      return;
    }
    DiagnosticRenderer renderer =
        (color ? DiagnosticRenderer.colored(sources) : DiagnosticRenderer.plain(sources)).withColumns(true);
    // a blank line before each, as Terraform sets diagnostics apart from other output
    for (var d : diags) {
      err.println();
      err.print(renderer.render(d));
    }
    err.flush();
  }
}
