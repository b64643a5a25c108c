package dev.kplan.engine.planner;

import dev.kplan.engine.config.Condition;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.util.List;

/**
 * Checks {@code precondition}/{@code postcondition} blocks as Terraform does: a condition that is
 * false is an error carrying its {@code error_message}, located at the condition; one that cannot
 * be known yet is left for later (the check after apply decides it).
 */
final class Conditions {
  private Conditions() {}

  /** Which conditions these are: the summary of a failure names them. */
  enum Kind {
    RESOURCE_PRECONDITION("Resource precondition failed"),
    RESOURCE_POSTCONDITION("Resource postcondition failed"),
    OUTPUT_PRECONDITION("Module output value precondition failed");

    final String summary;

    Kind(String summary) {
      this.summary = summary;
    }
  }

  /** How the conditions came out: all true, one or more false (or invalid), or some not known yet. */
  enum Outcome { PASSED, FAILED, DEFERRED }

  static Outcome check(List<Condition> conditions, Kind kind, EvalContext ctx, List<Diagnostic> diags) {
    Outcome outcome = Outcome.PASSED;
    for (Condition c : conditions) {
      EvalResult r = Evaluator.evaluate(c.condition(), ctx);
      if (r.hasErrors()) {
        diags.addAll(r.diagnostics().items());
        outcome = Outcome.FAILED;
        continue;
      }
      Value v = r.value();
      if (!v.isKnown()) {
        if (outcome == Outcome.PASSED) {
          outcome = Outcome.DEFERRED;
        }
        continue;
      }
      if (!(v.unmarked() instanceof BoolValue b)) {
        diags.add(Diagnostic.error("Invalid condition result",
            v.isNull() ? "Condition expression must return either true or false, not null."
                : "Invalid condition result value: a bool is expected.", c.condition().range()));
        outcome = Outcome.FAILED;
        continue;
      }
      if (!b.value()) {
        diags.add(Diagnostic.error(kind.summary, message(c, ctx), c.condition().range()));
        outcome = Outcome.FAILED;
      }
    }
    return outcome;
  }

  /** The error message; a sensitive or unusable one is not shown, as Terraform. */
  private static String message(Condition c, EvalContext ctx) {
    EvalResult m = Evaluator.evaluate(c.errorMessage(), ctx);
    if (m.hasErrors() || !m.value().isKnown()) {
      return "The error message could not be evaluated.";
    }
    if (m.value().isSensitive()) {
      return "The error message included a sensitive value, so it will not be displayed.";
    }
    return m.value().unmarked() instanceof StringValue s ? s.value() : "The error message must be a string.";
  }
}
