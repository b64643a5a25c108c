package dev.kplan.lang.functions;

import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * String functions with go-cty's and OpenTofu's semantics: Go's rune-wise case mapping and
 * whitespace, grapheme clusters for {@code substr} and {@code strrev}, RE2 regular expressions and
 * cty's {@code format} verbs.
 */
public final class StringFunctions {
  private static final Type LIST_OF_STRING = new ListType(Type.STRING);
  private static final Param STR = Param.of("str", Type.STRING);
  /** As in cty, the oldest string functions also declare that they take an argument of type any. */
  private static final Param ANY_TYPED_STR = STR.allowingDynamicType();

  private StringFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(
        unary("upper", ANY_TYPED_STR, s -> mapCodePoints(s, Character::toUpperCase)),
        unary("lower", ANY_TYPED_STR, s -> mapCodePoints(s, Character::toLowerCase)),
        unary("title", STR, StringFunctions::title),
        unary("strrev", ANY_TYPED_STR, StringFunctions::reverse),
        unary("chomp", STR, StringFunctions::chomp),
        unary("trimspace", STR, StringFunctions::trimSpace),
        indent(),
        substr(),
        join(),
        split(),
        replace(),
        binaryString("trim", "cutset", StringFunctions::trim),
        binaryString("trimprefix", "prefix", (s, p) -> s.startsWith(p) ? s.substring(p.length()) : s),
        binaryString("trimsuffix", "suffix", (s, p) -> s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s),
        startsWith(),
        binaryBool("endswith", "suffix", String::endsWith),
        binaryBool("strcontains", "substr", String::contains),
        format(),
        formatList(),
        regex(),
        regexAll());
  }

  private interface StringOp {
    String apply(String a, String b);
  }

  private interface StringTest {
    boolean test(String a, String b);
  }

  private static FunctionSpec unary(String name, Param str, UnaryOperator<String> op) {
    return new FunctionSpec(name, List.of(str), null, ReturnType.fixed(Type.STRING),
        (args, rt) -> Value.string(op.apply(str(args.get(0)))));
  }

  private static FunctionSpec binaryString(String name, String second, StringOp op) {
    return new FunctionSpec(name, List.of(Param.of("str", Type.STRING), Param.of(second, Type.STRING)), null,
        ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(op.apply(str(args.get(0)), str(args.get(1)))));
  }

  private static FunctionSpec binaryBool(String name, String second, StringTest op) {
    return new FunctionSpec(name, List.of(Param.of("str", Type.STRING), Param.of(second, Type.STRING)), null,
        ReturnType.fixed(Type.BOOL), (args, rt) -> Value.bool(op.test(str(args.get(0)), str(args.get(1)))));
  }

  static String str(Value v) {
    return ((StringValue) v).value();
  }

  // ---- case and whitespace, as Go's strings package does them (rune by rune, simple mappings)

  private static String mapCodePoints(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(f.applyAsInt(cp)));
    return sb.toString();
  }

  /** Go's {@code strings.Title}: title-cases each letter that follows a separator. */
  private static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(isTitleSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isTitleSeparator(int r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return isGoSpace(r);
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isGoSpace(int r) {
    if (r <= 0xFF) {
      return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    }
    int t = Character.getType(r);
    return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
  }

  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Trim}: drops leading and trailing runes that occur in {@code cutset}. */
  private static String trim(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Removes every trailing {@code \r\n}, {@code \r} and {@code \n}, which is what cty's regex does. */
  private static String chomp(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String reverse(String s) {
    List<String> clusters = TextSegments.graphemes(s);
    Collections.reverse(clusters);
    return String.join("", clusters);
  }

  // ---- functions with numeric arguments

  /** A number as a Go {@code int}, with gocty's message when it is not one. */
  static long toInt(Value v) throws FunctionException {
    BigDecimal n = ((NumberValue) v).value();
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw new FunctionException("value must be a whole number, between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
  }

  private static FunctionSpec indent() {
    return new FunctionSpec("indent", List.of(Param.of("spaces", Type.NUMBER), Param.of("str", Type.STRING)), null,
        ReturnType.fixed(Type.STRING), (args, rt) -> {
          long spaces = toInt(args.get(0));
          if (spaces < 0) {
            // Go's strings.Repeat panics; cty reports the panic as the call's error
            throw new FunctionException("panic in function implementation: strings: negative Repeat count");
          }
          String data = str(args.get(1));
          if (spaces > Integer.MAX_VALUE / 2) {
            throw new FunctionException("panic in function implementation: strings: Repeat output length overflow");
          }
          return Value.string(data.replace("\n", "\n" + " ".repeat((int) spaces)));
        });
  }

  private static FunctionSpec substr() {
    return new FunctionSpec("substr",
        List.of(Param.of("str", Type.STRING).allowingDynamicType(), Param.of("offset", Type.NUMBER).allowingDynamicType(),
            Param.of("length", Type.NUMBER).allowingDynamicType()),
        null, ReturnType.fixed(Type.STRING), (args, rt) -> {
          String in = str(args.get(0));
          long offset = toInt(args.get(1));
          long length = toInt(args.get(2));
          List<String> clusters = TextSegments.graphemes(in);
          if (offset < 0) {
            offset += clusters.size();
          } else if (length == 0) {
            return Value.string("");
          }
          // cty seeks from the start whenever the (adjusted) offset is not positive
          int from = (int) Math.max(0, Math.min(offset, clusters.size()));
          if (offset > 0 && offset >= clusters.size()) {
            return Value.string("");
          }
          List<String> rest = clusters.subList(from, clusters.size());
          // a zero length only gets here with a negative offset, where cty's seek never stops early
          if (length <= 0 || length >= rest.size()) {
            return Value.string(String.join("", rest));
          }
          return Value.string(String.join("", rest.subList(0, (int) length)));
        });
  }

  // ---- lists of strings

  private static FunctionSpec join() {
    return new FunctionSpec("join", List.of(Param.of("separator", Type.STRING)), Param.of("lists", LIST_OF_STRING),
        ReturnType.fixed(Type.STRING), (args, rt) -> {
          String sep = str(args.get(0));
          List<Value> lists = args.subList(1, args.size());
          if (lists.isEmpty()) {
            throw new FunctionException("at least one list is required");
          }
          List<String> items = new ArrayList<>();
          for (int ai = 0; ai < lists.size(); ai++) {
            List<Value> elems = ((ListValue) lists.get(ai)).elements();
            for (int ei = 0; ei < elems.size(); ei++) {
              Value e = elems.get(ei);
              if (e.isNull()) {
                throw new FunctionException(ai + 1, lists.size() > 1
                    ? "element " + ei + " of list " + (ai + 1) + " is null; cannot concatenate null values"
                    : "element " + ei + " is null; cannot concatenate null values");
              }
              items.add(str(e));
            }
          }
          return Value.string(String.join(sep, items));
        });
  }

  private static FunctionSpec split() {
    return new FunctionSpec("split", List.of(Param.of("separator", Type.STRING), Param.of("str", Type.STRING)), null,
        ReturnType.fixed(LIST_OF_STRING), (args, rt) -> {
          String sep = str(args.get(0));
          String s = str(args.get(1));
          List<Value> parts = new ArrayList<>();
          if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(Value.string(new String(Character.toChars(cp)))));
          } else {
            int from = 0;
            int at;
            while ((at = s.indexOf(sep, from)) >= 0) {
              parts.add(Value.string(s.substring(from, at)));
              from = at + sep.length();
            }
            parts.add(Value.string(s.substring(from)));
          }
          return Value.list(Type.STRING, parts);
        });
  }

  // ---- search and replace

  private static FunctionSpec startsWith() {
    // OpenTofu's startswith accepts an unknown string: every string starts with ""
    return new FunctionSpec("startswith",
        List.of(Param.of("str", Type.STRING).allowingUnknown(), Param.of("prefix", Type.STRING)), null,
        ReturnType.fixed(Type.BOOL), (args, rt) -> {
          String prefix = str(args.get(1));
          if (!args.get(0).isKnown()) {
            return prefix.isEmpty() ? Value.bool(true) : Value.unknownOf(Type.BOOL);
          }
          return Value.bool(str(args.get(0)).startsWith(prefix));
        });
  }

  private static FunctionSpec replace() {
    return new FunctionSpec("replace",
        List.of(Param.of("str", Type.STRING), Param.of("substr", Type.STRING), Param.of("replace", Type.STRING)),
        null, ReturnType.fixed(Type.STRING), (args, rt) -> {
          String s = str(args.get(0));
          String sub = str(args.get(1));
          String rep = str(args.get(2));
          if (GoFormat.utf8Length(sub) > 1 && sub.startsWith("/") && sub.endsWith("/")) {
            try {
              return Value.string(GoRegex.compile(sub.substring(1, sub.length() - 1)).replaceAll(s, rep));
            } catch (GoRegex.SyntaxError e) {
              throw new FunctionException(e.getMessage());
            }
          }
          return Value.string(replaceAll(s, sub, rep));
        });
  }

  /** Go's {@code strings.ReplaceAll}; an empty {@code old} matches before every rune and at the end. */
  private static String replaceAll(String s, String old, String rep) {
    if (!old.isEmpty()) {
      return s.replace(old, rep);
    }
    StringBuilder sb = new StringBuilder(rep);
    s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(rep));
    return sb.toString();
  }

  // ---- format

  private static FunctionSpec format() {
    return new FunctionSpec("format", List.of(Param.of("format", Type.STRING)),
        Param.of("args", Type.DYNAMIC).allowingNull().allowingUnknown().allowingDynamicType(), ReturnType.fixed(Type.STRING),
        (args, rt) -> {
          List<Value> values = args.subList(1, args.size());
          for (Value v : values) {
            if (!v.isWhollyKnown()) {
              return Value.unknownOf(Type.STRING);
            }
          }
          return Value.string(GoFormat.format(str(args.get(0)), values));
        });
  }

  private static FunctionSpec formatList() {
    return new FunctionSpec("formatlist", List.of(Param.of("format", Type.STRING)),
        Param.of("args", Type.DYNAMIC).allowingNull().allowingUnknown().allowingDynamicType(), ReturnType.fixed(LIST_OF_STRING),
        (args, rt) -> {
          String fmt = str(args.get(0));
          List<Value> values = args.subList(1, args.size());
          if (values.isEmpty()) {
            return Value.list(Type.STRING, List.of(Value.string(GoFormat.format(fmt, values))));
          }
          int iterLen = -1;
          int lenChooser = -1;
          boolean unknown = false;
          List<List<Value>> sequences = new ArrayList<>();
          for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            Type t = v.type();
            boolean sequence = t instanceof ListType || t instanceof SetType || t instanceof TupleType;
            if (sequence && !v.isNull()) {
              if (!(t instanceof TupleType) && !v.isKnown()) {
                unknown = true;
                sequences.add(null);
                continue;
              }
              int len = v.isKnown() ? elements(v).size() : ((TupleType) t).elements().size();
              if (iterLen == -1) {
                iterLen = len;
                lenChooser = i;
              } else if (len != iterLen) {
                throw new FunctionException(i + 1, "argument " + (i + 1) + " has length " + len
                    + ", which is inconsistent with argument " + (lenChooser + 1) + " of length " + iterLen);
              }
              if (!v.isKnown()) {
                unknown = true;
                sequences.add(null);
                continue;
              }
              sequences.add(elements(v));
            } else {
              if (v instanceof UnknownValue && t instanceof DynamicType) {
                unknown = true;
              }
              sequences.add(null);
            }
          }
          if (unknown) {
            return Value.unknownOf(LIST_OF_STRING);
          }
          if (iterLen == 0) {
            return Value.list(Type.STRING, List.of());
          }
          if (iterLen == -1) {
            iterLen = 1;
          }
          List<Value> results = new ArrayList<>(iterLen);
          iterations:
          for (int it = 0; it < iterLen; it++) {
            List<Value> callArgs = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
              Value a = sequences.get(i) != null ? sequences.get(i).get(it) : values.get(i);
              if (!a.isWhollyKnown()) {
                results.add(Value.unknownOf(Type.STRING));
                continue iterations;
              }
              callArgs.add(a);
            }
            try {
              results.add(Value.string(GoFormat.format(fmt, callArgs)));
            } catch (FunctionException e) {
              throw new FunctionException("error on format iteration " + it + ": " + e.getMessage());
            }
          }
          return Value.list(Type.STRING, results);
        });
  }

  private static List<Value> elements(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    } else if (v instanceof SetValue s) {
      return s.elements();
    }
    return ((TupleValue) v).elements();
  }

  // ---- regular expressions

  private static FunctionSpec regex() {
    return new FunctionSpec("regex", List.of(Param.of("pattern", Type.STRING), Param.of("string", Type.STRING)), null,
        args -> args.get(0).isKnown() ? regexResultType(str(args.get(0))) : Type.DYNAMIC,
        (args, rt) -> {
          GoRegex re = compileForResult(str(args.get(0)));
          String s = str(args.get(1));
          int[] match = re.find(s);
          if (match == null) {
            throw new FunctionException("pattern did not match any part of the given string");
          }
          return regexResult(re, s, match, rt);
        });
  }

  private static FunctionSpec regexAll() {
    return new FunctionSpec("regexall", List.of(Param.of("pattern", Type.STRING), Param.of("string", Type.STRING)),
        null,
        args -> new ListType(args.get(0).isKnown() ? regexResultType(str(args.get(0))) : Type.DYNAMIC),
        (args, rt) -> {
          GoRegex re = compileForResult(str(args.get(0)));
          String s = str(args.get(1));
          Type ety = rt.elementType();
          List<Value> out = new ArrayList<>();
          for (int[] match : re.findAll(s)) {
            out.add(regexResult(re, s, match, ety));
          }
          return Value.list(ety, out);
        });
  }

  private static GoRegex compileForResult(String pattern) throws FunctionException {
    try {
      return GoRegex.compile(pattern);
    } catch (GoRegex.SyntaxError e) {
      throw new FunctionException(0, "error parsing pattern: " + e.getMessage());
    }
  }

  /** A string without groups, a tuple for unnamed groups, an object for named groups. */
  private static Type regexResultType(String pattern) throws FunctionException {
    GoRegex re;
    try {
      re = GoRegex.compile(pattern);
    } catch (GoRegex.SyntaxError e) {
      throw new FunctionException(0, "invalid regexp pattern: " + e.code() + " in " + e.expr());
    }
    List<String> names = re.groupNames().subList(1, re.groupNames().size());
    long unnamed = names.stream().filter(String::isEmpty).count();
    if (names.isEmpty()) {
      return Type.STRING;
    }
    if (unnamed > 0 && unnamed < names.size()) {
      throw new FunctionException(0, "invalid regexp pattern: cannot mix both named and unnamed capture groups");
    }
    if (unnamed > 0) {
      return new TupleType(Collections.nCopies(names.size(), Type.STRING));
    }
    Map<String, Type> attrs = new LinkedHashMap<>();
    names.forEach(n -> attrs.put(n, Type.STRING));
    return new ObjectType(attrs);
  }

  private static Value regexResult(GoRegex re, String s, int[] m, Type type) {
    if (type.equals(Type.STRING)) {
      return Value.string(s.substring(m[0], m[1]));
    }
    if (type instanceof TupleType) {
      List<Value> vals = new ArrayList<>();
      for (int g = 1; g <= re.groupCount(); g++) {
        vals.add(group(s, m, g));
      }
      return Value.tuple(vals);
    }
    Map<String, Value> attrs = new LinkedHashMap<>();
    for (int g = 1; g <= re.groupCount(); g++) {
      attrs.put(re.groupNames().get(g), group(s, m, g));
    }
    return Value.object(attrs);
  }

  private static Value group(String s, int[] m, int g) {
    int start = m[2 * g];
    int end = m[2 * g + 1];
    return start < 0 || end < 0 ? Value.nullOf(Type.STRING) : Value.string(s.substring(start, end));
  }
}
