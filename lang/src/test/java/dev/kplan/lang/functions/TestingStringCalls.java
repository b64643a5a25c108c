package dev.kplan.lang.functions;

import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the string and sensitivity functions the way an expression would, without the parser and
 * evaluator, so that these tests depend on the functions alone: a small reader for literal HCL (strings with {@code ${...}} interpolation,
 * numbers, bools, null, tuples, objects) and calls of these functions. Anything else is {@link
 * Unsupported}.
 */
final class TestingStringCalls {
  static final Map<String, FunctionSpec> FUNCTIONS = new HashMap<>();

  static {
    for (FunctionSpec f : StringFunctions.functions()) {
      FUNCTIONS.put(f.name(), f);
    }
    for (FunctionSpec f : SensitivityFunctions.functions()) {
      FUNCTIONS.put(f.name(), f);
    }
  }

  /** An expression outside what this reader understands. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /** A call that failed, with the diagnostic text OpenTofu prints ({@code summary: detail}). */
  static final class CallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CallFailed(String message) {
      super(message, null, false, false);
    }
  }

  private TestingStringCalls() {}

  static Value call(String name, Value... args) throws FunctionException {
    return FUNCTIONS.get(name).call(List.of(args));
  }

  static Value str(String s) {
    return Value.string(s);
  }

  static Value num(String n) {
    return Value.number(new BigDecimal(n));
  }

  static Value num(long n) {
    return Value.number(n);
  }

  static Value strings(String... items) {
    List<Value> vals = new ArrayList<>();
    for (String s : items) {
      vals.add(Value.string(s));
    }
    return Value.tuple(vals);
  }

  static Value sensitive(Value v) {
    return v.mark(Marks.SENSITIVE);
  }

  /** Evaluates {@code expr}; errors read as OpenTofu's diagnostics. */
  static Value eval(String expr) throws CallFailed {
    Reader r = new Reader(expr);
    Value v = r.expr();
    r.skipSpace();
    if (r.pos != expr.length()) {
      throw new Unsupported("trailing text at " + r.pos + " in " + expr);
    }
    return v;
  }

  private static final class Reader {
    private final String src;
    private int pos;

    Reader(String src) {
      this.src = src;
    }

    void skipSpace() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    private boolean eat(char c) {
      skipSpace();
      if (pos < src.length() && src.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!eat(c)) {
        throw new Unsupported("expected '" + c + "' at " + pos + " in " + src);
      }
    }

    Value expr() throws CallFailed {
      skipSpace();
      if (pos >= src.length()) {
        throw new Unsupported("empty expression");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        return template();
      }
      if (c == '-' || Character.isDigit(c)) {
        return number();
      }
      if (c == '[') {
        pos++;
        List<Value> elems = new ArrayList<>();
        while (!eat(']')) {
          elems.add(expr());
          if (!eat(',')) {
            expect(']');
            break;
          }
        }
        return Value.tuple(elems);
      }
      if (c == '{') {
        pos++;
        Map<String, Value> attrs = new LinkedHashMap<>();
        while (!eat('}')) {
          skipSpace();
          String key;
          if (src.charAt(pos) == '"') {
            Value k = template();
            key = ((StringValue) k).value();
          } else {
            key = ident();
          }
          if (!eat('=')) {
            expect(':');
          }
          attrs.put(key, expr());
          eat(',');
        }
        return Value.object(attrs);
      }
      String id = ident();
      switch (id) {
        case "true":
          return Value.bool(true);
        case "false":
          return Value.bool(false);
        case "null":
          return Value.nullOf(Type.DYNAMIC);
        default:
          break;
      }
      FunctionSpec fn = FUNCTIONS.get(id);
      if (fn == null || !eat('(')) {
        throw new Unsupported("not one of these functions: " + id);
      }
      List<Value> args = new ArrayList<>();
      while (!eat(')')) {
        args.add(expr());
        if (src.startsWith("...", pos)) {
          throw new Unsupported("argument expansion");
        }
        if (!eat(',')) {
          expect(')');
          break;
        }
      }
      int fixed = fn.params().size();
      if (args.size() < fixed || (fn.varParam() == null && args.size() > fixed)) {
        throw new Unsupported("wrong number of arguments, which the evaluator reports");
      }
      try {
        return fn.call(args);
      } catch (FunctionException e) {
        if (e.argIndex() >= 0) {
          throw new CallFailed("Invalid function argument: Invalid value for \"" + fn.paramAt(e.argIndex()).name()
              + "\" parameter: " + e.getMessage() + ".");
        }
        throw new CallFailed("Error in function call: Call to function \"" + id + "\" failed: " + e.getMessage() + ".");
      }
    }

    private String ident() {
      skipSpace();
      int start = pos;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
          || (pos > start && src.charAt(pos) == '-'))) {
        pos++;
      }
      if (start == pos) {
        throw new Unsupported("unexpected '" + src.charAt(pos) + "' at " + pos + " in " + src);
      }
      return src.substring(start, pos);
    }

    private Value number() {
      int start = pos;
      if (src.charAt(pos) == '-') {
        pos++;
        skipSpace();
      }
      int digits = pos;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
          || src.charAt(pos) == 'e' || src.charAt(pos) == 'E'
          || ((src.charAt(pos) == '+' || src.charAt(pos) == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')))) {
        pos++;
      }
      String text = src.substring(digits, pos);
      if (text.isEmpty()) {
        throw new Unsupported("not a number at " + start);
      }
      BigDecimal n = new BigDecimal(text);
      return Value.number(src.charAt(start) == '-' ? n.negate() : n);
    }

    /** A quoted template: literal text and interpolations, joined as HCL does. */
    private Value template() throws CallFailed {
      pos++;
      List<Value> parts = new ArrayList<>();
      StringBuilder lit = new StringBuilder();
      while (true) {
        if (pos >= src.length()) {
          throw new Unsupported("unterminated string");
        }
        char c = src.charAt(pos);
        if (c == '"') {
          pos++;
          break;
        }
        if (c == '\\') {
          char e = src.charAt(pos + 1);
          pos += 2;
          switch (e) {
            case 'n' -> lit.append('\n');
            case 'r' -> lit.append('\r');
            case 't' -> lit.append('\t');
            case '"' -> lit.append('"');
            case '\\' -> lit.append('\\');
            case 'u' -> {
              lit.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
              pos += 4;
            }
            case 'U' -> {
              lit.appendCodePoint(Integer.parseInt(src.substring(pos, pos + 8), 16));
              pos += 8;
            }
            default -> throw new Unsupported("escape \\" + e);
          }
        } else if (src.startsWith("$${", pos) || src.startsWith("%%{", pos)) {
          lit.append(c).append('{');
          pos += 3;
        } else if (src.startsWith("${", pos)) {
          pos += 2;
          if (lit.length() > 0) {
            parts.add(Value.string(lit.toString()));
            lit.setLength(0);
          }
          parts.add(expr());
          expect('}');
        } else if (src.startsWith("%{", pos)) {
          throw new Unsupported("template directive");
        } else {
          lit.append(c);
          pos++;
        }
      }
      if (lit.length() > 0 || parts.isEmpty()) {
        parts.add(Value.string(lit.toString()));
      }
      if (parts.size() == 1) {
        return parts.get(0);
      }
      StringBuilder sb = new StringBuilder();
      Marks marks = Marks.NONE;
      for (Value p : parts) {
        try {
          Value s = Convert.convert(p, Type.STRING);
          marks = marks.union(s.marks());
          sb.append(((StringValue) s.unmarked()).value());
        } catch (ConversionException e) {
          throw new Unsupported("template part not a string");
        }
      }
      return Value.string(sb.toString()).mark(marks);
    }
  }
}
