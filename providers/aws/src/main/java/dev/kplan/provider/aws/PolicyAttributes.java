package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.util.Set;
import java.util.TreeSet;

/** What every resource with a policy argument shares: its check at validate, and what makes drift sensitive. */
final class PolicyAttributes {
  private PolicyAttributes() {}

  /** A known policy argument must be a JSON object (AWS's own error arrives only at apply). */
  static Diagnostics validate(ObjectValue config, String attribute) {
    String text = Vals.string(config, attribute);
    if (text != null && PolicyDocuments.canonical(text) == null) {
      return Diagnostics.of(Diagnostic.error("Invalid policy document",
          attribute + " must be a JSON policy document (an object with \"Statement\"), for example from"
              + " jsonencode({…}) or data.aws_iam_policy_document.NAME.json.", null));
    }
    return Diagnostics.NONE;
  }

  /** Whether {@code live} grants something broad (everyone, any action or resource) that {@code prior} did not. */
  static boolean broadens(Value prior, Value live) {
    Set<String> before = PolicyDocuments.broadGrants(prior instanceof StringValue s ? s.value() : null);
    Set<String> after = new TreeSet<>(PolicyDocuments.broadGrants(live instanceof StringValue s ? s.value() : null));
    after.removeAll(before);
    return !after.isEmpty();
  }
}
