package dev.kplan.lang.eval;

import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.diag.Suggestions;
import dev.kplan.lang.value.GoQuote;

/** Text helpers shared by diagnostics: Go's {@code %q} quoting, HCL's name suggestions and ranges. */
final class Names {
  private Names() {}

  /** {@code s} quoted as Go's {@code %q} does, as HCL's messages show names. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }

  /** " Did you mean "x"?" for the nearest candidate by HCL's rule, or "". */
  static String suggestion(String given, Iterable<String> candidates) {
    java.util.List<String> all = new java.util.ArrayList<>();
    candidates.forEach(all::add);
    String c = Suggestions.closest(given, all);
    return c == null ? "" : " Did you mean " + quote(c) + "?";
  }

  /** A range as HCL prints it in messages: {@code file:line,col-col} or {@code file:l,c-l,c}. */
  static String rangeText(SourceRange r) {
    if (r == null) {
      return "";
    }
    if (r.startLine() == r.endLine()) {
      return r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endCol();
    }
    return r.file() + ":" + r.startLine() + "," + r.startCol() + "-" + r.endLine() + "," + r.endCol();
  }

  /** The range from the end of {@code before} to the end of {@code whole} (e.g. the {@code [key]} of an index). */
  static SourceRange tail(SourceRange before, SourceRange whole) {
    if (before == null || whole == null || before.endOffset() > whole.endOffset()) {
      return whole;
    }
    return new SourceRange(
        whole.file(), before.endLine(), before.endCol(), before.endOffset(), whole.endLine(), whole.endCol(),
        whole.endOffset());
  }

  /** The last character of {@code r} (e.g. the closing parenthesis of a call). */
  static SourceRange last(SourceRange r) {
    if (r == null || r.endOffset() == r.startOffset()) {
      return r;
    }
    return new SourceRange(
        r.file(), r.endLine(), Math.max(1, r.endCol() - 1), r.endOffset() - 1, r.endLine(), r.endCol(),
        r.endOffset());
  }

  /** {@code r} extended by one character (a function name and its opening parenthesis). */
  static SourceRange plusOne(SourceRange r) {
    if (r == null) {
      return null;
    }
    return new SourceRange(
        r.file(), r.startLine(), r.startCol(), r.startOffset(), r.endLine(), r.endCol() + 1, r.endOffset() + 1);
  }

  static SourceRange between(SourceRange a, SourceRange b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.to(b);
  }
}
