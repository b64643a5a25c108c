package dev.kplan.lang.eval;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionException;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.Value;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders {@code templatefile} templates as OpenTofu does: the template sees only the given
 * variables (whose names must be identifiers, and which must cover every reference in the
 * template) and every function, {@code templatefile} included, nested up to 1024 renders deep; a
 * template that is a single interpolation yields that value unconverted. Failures read as
 * OpenTofu's, with HCL's diagnostics flattened into the message.
 */
public final class TemplateFileRenderer implements FunctionContext.TemplateRenderer {
  /** OpenTofu's default for {@code TF_TEMPLATE_RECURSION_DEPTH}. */
  static final int MAX_DEPTH = 1024;

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final Supplier<FunctionTable> functions;

  /** {@code functions} is asked for lazily, since the table itself is built with this renderer. */
  public TemplateFileRenderer(Supplier<FunctionTable> functions) {
    this.functions = Objects.requireNonNull(functions, "functions is null");
  }

  /** Unwinds every nested render at once when the depth limit is reached; only the outermost reports it. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  @Override
  public Value render(String text, String fileName, Map<String, Value> vars) throws FunctionException {
    int[] depth = DEPTH.get();
    if (depth[0] > MAX_DEPTH) {
      throw new TooDeep();
    }
    depth[0]++;
    try {
      return renderOnce(text, fileName, vars);
    } catch (TooDeep | StackOverflowError e) {
      if (depth[0] == 1) {
        throw new FunctionException("maximum recursion depth " + MAX_DEPTH + " reached");
      }
      throw new TooDeep();
    } finally {
      depth[0]--;
    }
  }

  private Value renderOnce(String text, String fileName, Map<String, Value> vars) throws FunctionException {
    ParseResult<TemplateExpr> parsed = Parser.parseTemplate(text, fileName);
    if (parsed.hasErrors() || parsed.value() == null) {
      throw new FunctionException(diagnosticsText(parsed.diagnostics()));
    }
    for (String name : vars.keySet()) {
      if (!isIdentifier(name)) {
        throw new FunctionException(1, "invalid template variable name " + Names.quote(name)
            + ": must start with a letter, followed by zero or more letters, digits, and underscores");
      }
    }
    Expr expr = unwrapped(parsed.value());
    for (TraversalExpr t : References.of(expr)) {
      if (!vars.containsKey(t.root())) {
        throw new FunctionException(1, "vars map does not contain key " + Names.quote(t.root()) + ", referenced at "
            + Names.rangeText(t.rootRange()));
      }
    }
    EvalResult r = Evaluator.evaluate(expr, EvalContext.root(functions.get(), vars));
    if (r.hasErrors()) {
      throw new FunctionException(diagnosticsText(r.diagnostics()));
    }
    return r.value();
  }

  /** HCL's template parser yields the bare expression for a template that is one interpolation. */
  private static Expr unwrapped(TemplateExpr t) {
    if (t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Interpolation i) {
      return i.expr();
    }
    return t;
  }

  /** hcl.Diagnostics' {@code Error()}: the first one as "subject: summary; detail", then a count. */
  static String diagnosticsText(Diagnostics diags) {
    if (diags.isEmpty()) {
      return "no diagnostics";
    }
    Diagnostic first = diags.items().get(0);
    String text = (first.subject() == null ? "<nil>" : Names.rangeText(first.subject())) + ": " + first.summary()
        + "; " + first.detail();
    if (diags.size() > 1) {
      text += ", and " + (diags.size() - 1) + " other diagnostic(s)";
    }
    return text;
  }

  /** hclsyntax's {@code ValidIdentifier}: a letter or underscore, then letters, digits, underscores, dashes. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(Character.isLetter(first) || first == '_')) {
      return false;
    }
    for (int i = Character.charCount(first); i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK
          || Character.getType(c) == Character.COMBINING_SPACING_MARK
          || Character.getType(c) == Character.CONNECTOR_PUNCTUATION)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
