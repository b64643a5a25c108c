package dev.kplan.lang.functions;

import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function call whose arguments are all literals ({@code cidrsubnet("10.0.0.0/8", 8, 1)},
 * {@code jsonencode({"a" = [1, true]})}), read into Java values so that function tests can run the
 * conformance expressions without the parser and evaluator.
 */
record LiteralCall(String name, List<Value> args) {

  static LiteralCall parse(String expr) {
    Reader r = new Reader(expr);
    LiteralCall call = r.call();
    r.skipSpace();
    if (r.pos != expr.length()) {
      throw new IllegalArgumentException("trailing text in " + expr);
    }
    return call;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(char c) {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!eat(c)) {
        throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + s);
      }
    }

    String ident() {
      skipSpace();
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("expected a name at " + pos + " in " + s);
      }
      return s.substring(start, pos);
    }

    LiteralCall call() {
      String name = ident();
      expect('(');
      List<Value> args = new ArrayList<>();
      if (!eat(')')) {
        do {
          args.add(value());
        } while (eat(','));
        expect(')');
      }
      return new LiteralCall(name, args);
    }

    Value value() {
      skipSpace();
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        return Value.string(string());
      }
      if (c == '[') {
        pos++;
        List<Value> items = new ArrayList<>();
        if (!eat(']')) {
          do {
            if (eat(']')) {
              return Value.tuple(items);
            }
            items.add(value());
          } while (eat(','));
          expect(']');
        }
        return Value.tuple(items);
      }
      if (c == '{') {
        pos++;
        Map<String, Value> attrs = new LinkedHashMap<>();
        while (!eat('}')) {
          skipSpace();
          String key = s.charAt(pos) == '"' ? quotedKey() : ident();
          if (!eat('=')) {
            expect(':');
          }
          attrs.put(key, value());
          eat(',');
        }
        return Value.object(attrs);
      }
      if (c == '-' || Character.isDigit(c)) {
        int start = pos++;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || ".eE+-".indexOf(s.charAt(pos)) >= 0)) {
          pos++;
        }
        return Value.number(new BigDecimal(s.substring(start, pos)));
      }
      String word = ident();
      return switch (word) {
        case "true" -> Value.bool(true);
        case "false" -> Value.bool(false);
        case "null" -> Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC);
        default -> throw new IllegalArgumentException("not a literal: " + word);
      };
    }

    private String quotedKey() {
      pos++;
      return string();
    }

    private String string() {
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw new IllegalArgumentException("unknown escape \\" + e);
        }
      }
    }
  }
}
