package dev.kplan.lang.diag;

import java.util.Objects;

/**
 * One error or warning a user can act on. {@code subject} is the tight range to underline;
 * {@code context} (optional) is the wider construct it sits in, as HCL does.
 */
public record Diagnostic(
    Severity severity, String summary, String detail, SourceRange subject, SourceRange context) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity is null");
    Objects.requireNonNull(summary, "summary is null");
    detail = detail == null ? "" : detail;
  }

  public Diagnostic(Severity severity, String summary, String detail, SourceRange subject) {
    this(severity, summary, detail, subject, null);
  }

  public static Diagnostic error(String summary, String detail, SourceRange subject) {
    return new Diagnostic(Severity.ERROR, summary, detail, subject, null);
  }

  public static Diagnostic warning(String summary, String detail, SourceRange subject) {
    return new Diagnostic(Severity.WARNING, summary, detail, subject, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic withContext(SourceRange newContext) {
    return new Diagnostic(severity, summary, detail, subject, newContext);
  }
}
