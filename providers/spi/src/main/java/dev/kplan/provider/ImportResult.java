package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/** The states of the objects found (usually one); the engine reads them before planning. */
public record ImportResult(List<Value> imported, Diagnostics diagnostics) {
  public ImportResult {
    imported = List.copyOf(imported);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
