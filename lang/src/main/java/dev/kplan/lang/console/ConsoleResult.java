package dev.kplan.lang.console;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one console line evaluated to: a value, or the errors that stopped it. */
public sealed interface ConsoleResult {

  /** The line as one line of compact JSON. */
  String toJsonLine();

  /** The line as Terraform's console prints it. */
  String toHuman();

  /** All diagnostics (warnings beside a value; errors and warnings for a failure). */
  Diagnostics diagnostics();

  /**
   * A value. Its JSON line is {@link JsonCodec#encode}'s text (sensitive values included, as
   * {@code output -json} does, since the user asked for the value explicitly); a value that is not
   * wholly known has no JSON text and is written as {@code {"unknown":true}}.
   */
  record Success(Value value, Diagnostics diagnostics) implements ConsoleResult {
    public Success {
      Objects.requireNonNull(value, "value is null");
      Objects.requireNonNull(diagnostics, "diagnostics is null");
    }

    @Override
    public String toJsonLine() {
      if (!value.isWhollyKnown()) {
        return JsonCodec.encode(Value.object(Map.of("unknown", Value.bool(true))));
      }
      return JsonCodec.encode(value);
    }

    @Override
    public String toHuman() {
      return ConsoleFormat.format(value);
    }
  }

  /** The expression could not be parsed or evaluated. */
  record Failure(Diagnostics diagnostics) implements ConsoleResult {
    public Failure {
      Objects.requireNonNull(diagnostics, "diagnostics is null");
      if (!diagnostics.hasErrors()) {
        throw new IllegalArgumentException("a failure needs at least one error");
      }
    }

    /** Each error as {@code "<summary>: <detail>"} (just the summary when there is no detail). */
    public List<String> messages() {
      List<String> out = new ArrayList<>();
      for (Diagnostic d : diagnostics.errors()) {
        out.add(d.detail().isEmpty() ? d.summary() : d.summary() + ": " + d.detail());
      }
      return out;
    }

    /** {@code {"error":"<summary>: <detail>"}}, several errors joined by {@code "; "}; newlines become spaces. */
    @Override
    public String toJsonLine() {
      String message = String.join("; ", messages()).replaceAll("\\s*\\n\\s*", " ");
      return JsonCodec.encode(Value.object(Map.of("error", Value.string(message))));
    }

    @Override
    public String toHuman() {
      StringBuilder sb = new StringBuilder();
      for (Diagnostic d : diagnostics.errors()) {
        if (sb.length() > 0) {
          sb.append("\n\n");
        }
        sb.append("Error: ").append(d.summary());
        if (!d.detail().isEmpty()) {
          sb.append("\n\n").append(d.detail());
        }
      }
      return sb.toString();
    }
  }
}
