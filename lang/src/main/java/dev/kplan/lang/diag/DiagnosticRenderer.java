package dev.kplan.lang.diag;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Renders diagnostics the way Terraform prints them: the summary, the source line(s) with the
 * subject range underlined (in colour mode), and the detail.
 *
 * <pre>
 * Error: Unsupported argument
 *
 *   on main.kp.hcl line 12:
 *   12:   replicsa = 3
 *
 * An argument named "replicsa" is not expected here. Did you mean "replicas"?
 * </pre>
 *
 * Also renders Terraform's {@code -json} diagnostic shape. Source text is looked up by file name;
 * a diagnostic whose file is unknown is shown without its snippet, as Terraform does.
 */
public final class DiagnosticRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String UNDERLINE = "\u001b[4m";

  private final Function<String, String> sources;
  private final boolean color;
  private final boolean columns;

  private DiagnosticRenderer(Function<String, String> sources, boolean color, boolean columns) {
    this.sources = Objects.requireNonNull(sources, "sources is null");
    this.color = color;
    this.columns = columns;
  }

  /** Plain text, as with {@code -no-color} or when output is not a terminal. */
  public static DiagnosticRenderer plain(Map<String, String> sources) {
    return new DiagnosticRenderer(sources::get, false, false);
  }

  /** With ANSI colours: bold red summary and the subject underlined. */
  public static DiagnosticRenderer colored(Map<String, String> sources) {
    return new DiagnosticRenderer(sources::get, true, false);
  }

  /** Looks source text up with {@code sources} (returning null for unknown files). */
  public static DiagnosticRenderer of(Function<String, String> sources, boolean color) {
    return new DiagnosticRenderer(sources, color, false);
  }

  /** Also names the column: {@code on main.kp.hcl line 12, column 3:}. */
  public DiagnosticRenderer withColumns(boolean show) {
    return new DiagnosticRenderer(sources, color, show);
  }

  /** All diagnostics, separated by blank lines. */
  public String render(Diagnostics diags) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diags) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(render(d));
    }
    return sb.toString();
  }

  public String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    String label = d.isError() ? "Error: " : "Warning: ";
    if (color) {
      sb.append(BOLD).append(d.isError() ? RED : YELLOW).append(label).append(RESET)
          .append(BOLD).append(d.summary()).append(RESET).append("\n\n");
    } else {
      sb.append(label).append(d.summary()).append("\n\n");
    }
    SourceRange subject = d.subject();
    if (subject != null) {
      sb.append("  on ").append(subject.file()).append(" line ").append(subject.startLine());
      if (columns) {
        sb.append(", column ").append(subject.startCol());
      }
      sb.append(":\n");
      Snippet s = snippet(d);
      if (s == null) {
        sb.append("  (source code not available)\n");
      } else {
        String code = s.code();
        int start = Math.max(0, Math.min(s.highlightStart(), code.length()));
        int end = Math.max(start, Math.min(s.highlightEnd(), code.length()));
        String marked = color
            ? code.substring(0, start) + UNDERLINE + code.substring(start, end) + RESET + code.substring(end)
            : code;
        String[] lines = marked.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          sb.append(String.format("%4d: %s%n", s.startLine() + i, lines[i]).replace(System.lineSeparator(), "\n"));
        }
      }
      sb.append('\n');
    }
    if (!d.detail().isEmpty()) {
      sb.append(d.detail()).append('\n');
    }
    return sb.toString();
  }

  /** Terraform's {@code -json} shape for one diagnostic. */
  public String toJson(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"severity\":").append(quote(d.isError() ? "error" : "warning"));
    sb.append(",\"summary\":").append(quote(d.summary()));
    sb.append(",\"detail\":").append(quote(d.detail()));
    SourceRange r = d.subject();
    if (r != null) {
      String src = sources.apply(r.file());
      sb.append(",\"range\":{\"filename\":").append(quote(r.file()));
      sb.append(",\"start\":").append(pos(r.startLine(), r.startCol(), bytes(src, r.startOffset())));
      sb.append(",\"end\":").append(pos(r.endLine(), r.endCol(), bytes(src, r.endOffset()))).append('}');
      Snippet s = snippet(d);
      if (s != null) {
        sb.append(",\"snippet\":{\"context\":null,\"code\":").append(quote(s.code()));
        sb.append(",\"start_line\":").append(s.startLine());
        sb.append(",\"highlight_start_offset\":").append(bytes(s.code(), s.highlightStart()));
        sb.append(",\"highlight_end_offset\":").append(bytes(s.code(), s.highlightEnd()));
        sb.append(",\"values\":[]}");
      }
    }
    return sb.append('}').toString();
  }

  /** A JSON array of all diagnostics. */
  public String toJson(Diagnostics diags) {
    StringBuilder sb = new StringBuilder("[");
    for (Diagnostic d : diags) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(toJson(d));
    }
    return sb.append(']').toString();
  }

  /** The whole lines covering the context (or subject), and the subject's char offsets within them. */
  private record Snippet(String code, int startLine, int highlightStart, int highlightEnd) {}

  private Snippet snippet(Diagnostic d) {
    SourceRange subject = d.subject();
    String src = sources.apply(subject.file());
    if (src == null || subject.endOffset() > src.length()) {
      return null;
    }
    SourceRange ctx = d.context() != null && d.context().file().equals(subject.file()) ? d.context().to(subject) : subject;
    if (ctx.endOffset() > src.length()) {
      ctx = subject;
    }
    int from = ctx.startOffset();
    int to = ctx.endOffset();
    // A range ending at the start of a line does not show that line.
    if (to > from && src.charAt(to - 1) == '\n') {
      to--;
    }
    int lineStart = src.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
    if (from == 0) {
      lineStart = 0;
    }
    int lineEnd = src.indexOf('\n', Math.max(to, from));
    if (lineEnd < 0) {
      lineEnd = src.length();
    }
    String code = src.substring(lineStart, lineEnd);
    if (code.endsWith("\r")) {
      code = code.substring(0, code.length() - 1);
    }
    int hs = subject.startOffset() - lineStart;
    int he = subject.endOffset() - lineStart;
    if (he <= hs) {
      he = hs + 1; // an empty subject still marks one character, as Terraform does
    }
    return new Snippet(code, ctx.startLine(), hs, Math.min(he, code.length()));
  }

  private static int bytes(String text, int charOffset) {
    if (text == null) {
      return charOffset;
    }
    int end = Math.max(0, Math.min(charOffset, text.length()));
    return text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
  }

  private static String pos(int line, int column, int b) {
    return "{\"line\":" + line + ",\"column\":" + column + ",\"byte\":" + b + "}";
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<' -> sb.append("\\u003c");
        case '>' -> sb.append("\\u003e");
        case '&' -> sb.append("\\u0026");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
