package dev.kplan.lang.functions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression in Go's RE2 syntax (what Terraform's {@code regex}, {@code regexall} and
 * {@code replace} take), translated to an equivalent {@link Pattern}. The translation rejects what
 * Go's {@code regexp/syntax} rejects (backreferences, lookaround, possessive and nested
 * repetition) with Go's error codes, and spells out the constructs whose meaning differs in Java:
 * {@code $} is end of text, {@code \b \d \s \w} and POSIX classes are ASCII, {@code (?U)} is
 * ungreedy, octal escapes, literal {@code {}, and {@code (?m)} anchors. Matching loops follow
 * Go's handling of empty matches.
 */
final class GoRegex {
  private static final String WORD = "[0-9A-Za-z_]";
  private static final Map<String, String> PERL = Map.of(
      "d", "[0-9]", "D", "[^0-9]",
      "s", "[\\t\\n\\f\\r ]", "S", "[^\\t\\n\\f\\r ]",
      "w", WORD, "W", "[^0-9A-Za-z_]");
  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alnum", "0-9A-Za-z"),
      Map.entry("alpha", "A-Za-z"),
      Map.entry("ascii", "\\x{0}-\\x{7F}"),
      Map.entry("blank", "\\t "),
      Map.entry("cntrl", "\\x{0}-\\x{1F}\\x{7F}"),
      Map.entry("digit", "0-9"),
      Map.entry("graph", "!-~"),
      Map.entry("lower", "a-z"),
      Map.entry("print", " -~"),
      Map.entry("punct", "!-/:-@\\[-`{-~"),
      Map.entry("space", "\\t\\n\\x{B}\\f\\r "),
      Map.entry("upper", "A-Z"),
      Map.entry("word", "0-9A-Za-z_"),
      Map.entry("xdigit", "0-9A-Fa-f"));
  private static final java.util.Set<String> CATEGORIES = java.util.Set.of(
      "C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N",
      "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
      "Z", "Zl", "Zp", "Zs");
  /** Go's {@code unicode.CategoryAliases}, keyed by canonical name. */
  private static final Map<String, String> CATEGORY_ALIASES = canonicalKeys(Map.ofEntries(
      Map.entry("Cased_Letter", "LC"), Map.entry("Close_Punctuation", "Pe"), Map.entry("Combining_Mark", "M"),
      Map.entry("Connector_Punctuation", "Pc"), Map.entry("Control", "Cc"), Map.entry("Currency_Symbol", "Sc"),
      Map.entry("Dash_Punctuation", "Pd"), Map.entry("Decimal_Number", "Nd"), Map.entry("Enclosing_Mark", "Me"),
      Map.entry("Final_Punctuation", "Pf"), Map.entry("Format", "Cf"), Map.entry("Initial_Punctuation", "Pi"),
      Map.entry("Letter", "L"), Map.entry("Letter_Number", "Nl"), Map.entry("Line_Separator", "Zl"),
      Map.entry("Lowercase_Letter", "Ll"), Map.entry("Mark", "M"), Map.entry("Math_Symbol", "Sm"),
      Map.entry("Modifier_Letter", "Lm"), Map.entry("Modifier_Symbol", "Sk"), Map.entry("Nonspacing_Mark", "Mn"),
      Map.entry("Number", "N"), Map.entry("Open_Punctuation", "Ps"), Map.entry("Other", "C"),
      Map.entry("Other_Letter", "Lo"), Map.entry("Other_Number", "No"), Map.entry("Other_Punctuation", "Po"),
      Map.entry("Other_Symbol", "So"), Map.entry("Paragraph_Separator", "Zp"), Map.entry("Private_Use", "Co"),
      Map.entry("Punctuation", "P"), Map.entry("Separator", "Z"), Map.entry("Space_Separator", "Zs"),
      Map.entry("Spacing_Mark", "Mc"), Map.entry("Surrogate", "Cs"), Map.entry("Symbol", "S"),
      Map.entry("Titlecase_Letter", "Lt"), Map.entry("Unassigned", "Cn"), Map.entry("Uppercase_Letter", "Lu"),
      Map.entry("cntrl", "Cc"), Map.entry("digit", "Nd"), Map.entry("punct", "P")));
  /**
   * Unicode scripts by canonical name, as Java knows them. Go (1.25, 1.26) looks scripts up by the
   * canonical form of the given name in a table keyed by names such as {@code Old_Italic} and
   * {@code SignWriting}, so only the scripts whose name is already canonical can be found.
   */
  private static final Map<String, Character.UnicodeScript> SCRIPTS = scripts();

  private static Map<String, String> canonicalKeys(Map<String, String> byName) {
    Map<String, String> out = new java.util.HashMap<>();
    byName.forEach((k, v) -> out.put(canonicalName(k), v));
    return out;
  }

  private static Map<String, Character.UnicodeScript> scripts() {
    Map<String, Character.UnicodeScript> out = new java.util.HashMap<>();
    for (Character.UnicodeScript s : Character.UnicodeScript.values()) {
      if (s != Character.UnicodeScript.UNKNOWN && s != Character.UnicodeScript.SIGNWRITING
          && s.name().indexOf('_') < 0) {
        out.put(canonicalName(s.name()), s);
      }
    }
    return out;
  }

  /**
   * Go's (1.25+) lookup key for {@code \p{name}}: first letter upper case, the rest lower case,
   * without underscores, hyphens and spaces.
   */
  static String canonicalName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean first = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == ' ') {
        continue;
      }
      if (first) {
        if (c >= 'a' && c <= 'z') {
          c = (char) (c - 'a' + 'A');
        }
        first = false;
      } else if (c >= 'A' && c <= 'Z') {
        c = (char) (c - 'A' + 'a');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** The Java class for Go's {@code \p{name}} (negated for {@code \P}), or null for an unknown name. */
  private static String unicodeTable(String name, boolean negated) {
    String canon = canonicalName(name);
    String p = negated ? "\\P{" : "\\p{";
    switch (canon) {
      case "Any":
        return negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]";
      case "Assigned":
        return (negated ? "\\p{" : "\\P{") + "Cn}";
      case "Ascii":
        return negated ? "[^\\x{0}-\\x{7F}]" : "[\\x{0}-\\x{7F}]";
      case "Lc":
        return p + "LC}";
      default:
        break;
    }
    if (CATEGORIES.contains(canon)) {
      return p + canon + "}";
    }
    Character.UnicodeScript script = SCRIPTS.get(canon);
    if (script != null) {
      return p + "Is" + script.name() + "}";
    }
    String alias = CATEGORY_ALIASES.get(canon);
    if (alias != null) {
      return p + alias + "}";
    }
    return null;
  }

  private static final int SHORT_INPUT = 2_000;
  private static final long LARGE_STACK_BYTES = 512L * 1024 * 1024;

  private final Pattern pattern;
  private final List<String> groupNames;

  private GoRegex(Pattern pattern, List<String> groupNames) {
    this.pattern = pattern;
    this.groupNames = List.copyOf(groupNames);
  }

  /** A pattern Go's {@code regexp.Compile} rejects; reads as Go's {@code *syntax.Error}. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String expr;

    SyntaxError(String code, String expr) {
      super("error parsing regexp: " + code + ": `" + expr + "`", null, false, false);
      this.code = code;
      this.expr = expr;
    }

    String code() {
      return code;
    }

    String expr() {
      return expr;
    }
  }

  /** Recently compiled patterns: a pattern in a for expression or formatlist is used many times. */
  private static final Map<String, Object> CACHE = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > 256;
        }
      });

  /** The pattern for Go syntax {@code source}, or Go's error for it. */
  static GoRegex compile(String source) throws SyntaxError {
    Object cached = CACHE.get(source);
    if (cached == null) {
      try {
        cached = translate(source);
      } catch (SyntaxError e) {
        cached = e;
      }
      CACHE.put(source, cached);
    }
    if (cached instanceof SyntaxError e) {
      throw new SyntaxError(e.code(), e.expr());
    }
    return (GoRegex) cached;
  }

  private static GoRegex translate(String source) throws SyntaxError {
    Translator t = new Translator(source);
    String java = t.translate();
    try {
      return new GoRegex(Pattern.compile(java, Pattern.UNICODE_CASE), t.names);
    } catch (PatternSyntaxException e) {
      throw new SyntaxError("regexp/syntax: internal error", source);
    }
  }

  /** Names of the capture groups, index 0 being the whole match; "" for unnamed groups. */
  List<String> groupNames() {
    return groupNames;
  }

  int groupCount() {
    return groupNames.size() - 1;
  }

  /** The first match as Go's submatch index pairs (-1 for groups that took no part), or null. */
  int[] find(String s) throws FunctionException {
    return deep(s, () -> {
      Matcher m = pattern.matcher(s);
      return m.find() ? spans(m) : null;
    });
  }

  /** All successive non-overlapping matches, skipping empty matches right after a match, as Go. */
  List<int[]> findAll(String s) throws FunctionException {
    return deep(s, () -> findAllNow(s));
  }

  private List<int[]> findAllNow(String s) {
    List<int[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevEnd) {
          accept = false;
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        out.add(spans(m));
      }
    }
    return out;
  }

  /** Go's {@code ReplaceAllString}: {@code $1}, {@code ${name}} and {@code $$} in the template. */
  String replaceAll(String s, String template) throws FunctionException {
    return deep(s, () -> replaceAllNow(s, template));
  }

  private String replaceAllNow(String s, String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(s);
    int lastEnd = 0;
    int search = 0;
    while (search <= s.length() && m.find(search)) {
      int[] a = spans(m);
      out.append(s, lastEnd, a[0]);
      if (a[1] > lastEnd || a[0] == 0) {
        expand(out, template, s, a);
      }
      lastEnd = a[1];
      int width = search < s.length() ? Character.charCount(s.codePointAt(search)) : 0;
      if (search + width > a[1]) {
        search += width;
      } else if (search + 1 > a[1]) {
        search++;
      } else {
        search = a[1];
      }
    }
    out.append(s, lastEnd, s.length());
    return out.toString();
  }

  /**
   * Runs a match. Go's matcher takes linear time and constant stack; Java's backtracking recurses
   * per repetition of a group, so long inputs are matched on a thread with a large stack.
   */
  private static <T> T deep(String input, java.util.function.Supplier<T> match) throws FunctionException {
    if (input.length() < SHORT_INPUT) {
      return match.get();
    }
    java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(match.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "regex-match", LARGE_STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FunctionException("interrupted while matching a regular expression");
    }
    Throwable f = failure.get();
    if (f instanceof StackOverflowError) {
      throw new FunctionException("the regular expression is too complex to match against a string this long");
    } else if (f instanceof RuntimeException re) {
      throw re;
    } else if (f instanceof Error err) {
      throw err;
    }
    return result.get();
  }

  private static int[] spans(Matcher m) {
    int[] a = new int[2 * (m.groupCount() + 1)];
    for (int g = 0; g <= m.groupCount(); g++) {
      a[2 * g] = m.start(g);
      a[2 * g + 1] = m.end(g);
    }
    return a;
  }

  private void expand(StringBuilder out, String template, String src, int[] match) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int j = brace ? i + 1 : i;
      int nameStart = j;
      while (j < template.length()) {
        int cp = template.codePointAt(j);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        j += Character.charCount(cp);
      }
      if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(nameStart, j);
      i = brace ? j + 1 : j;
      int num = groupNumber(name);
      if (num >= 0) {
        if (2 * num + 1 < match.length && match[2 * num] >= 0) {
          out.append(src, match[2 * num], match[2 * num + 1]);
        }
      } else {
        for (int g = 0; g < groupNames.size(); g++) {
          if (name.equals(groupNames.get(g)) && 2 * g + 1 < match.length && match[2 * g] >= 0) {
            out.append(src, match[2 * g], match[2 * g + 1]);
            break;
          }
        }
      }
    }
    out.append(template, Math.min(i, template.length()), template.length());
  }

  /** A name made only of ASCII digits (no leading zero) refers to a group by number; else -1. */
  private static int groupNumber(String name) {
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) {
      return -1;
    }
    return num;
  }

  /** Go's parser flags that change how later syntax reads. */
  private record Flags(boolean fold, boolean multiLine, boolean dotNL, boolean nonGreedy) {}

  /** One element of a concatenation, already in Java syntax. */
  private record Item(String java, boolean flagOnly, long repeatProduct) {}

  /** An open group: its alternatives so far and the flags to restore when it closes. */
  private static final class Frame {
    final String open;
    final Flags saved;
    final List<List<Item>> alternatives = new ArrayList<>();

    Frame(String open, Flags saved) {
      this.open = open;
      this.saved = saved;
      alternatives.add(new ArrayList<>());
    }

    List<Item> current() {
      return alternatives.get(alternatives.size() - 1);
    }
  }

  /** Reads Go syntax left to right, as {@code regexp/syntax.parse} does, writing Java syntax. */
  private static final class Translator {
    private final String src;
    private int pos;
    private Flags flags = new Flags(false, false, false, false);
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<String> names = new ArrayList<>(List.of(""));
    private int lastRepeatStart = -1;

    Translator(String src) {
      this.src = src;
    }

    String translate() throws SyntaxError {
      frames.push(new Frame("", flags));
      while (pos < src.length()) {
        int repeatStart = -1;
        char c = src.charAt(pos);
        switch (c) {
          case '(' -> openGroup();
          case '|' -> {
            frames.peek().alternatives.add(new ArrayList<>());
            pos++;
          }
          case ')' -> closeGroup();
          case '^' -> {
            add(flags.multiLine ? "(?<![^\\n])" : "^");
            pos++;
          }
          case '$' -> {
            add(flags.multiLine ? "(?![^\\n])" : "\\z");
            pos++;
          }
          case '.' -> {
            add(flags.dotNL ? "(?s:.)" : "[^\\n]");
            pos++;
          }
          case '[' -> add(parseClass());
          case '*', '+', '?' -> {
            repeatStart = pos;
            pos++;
            repeat(String.valueOf(c), repeatStart, 0, 0, false);
          }
          case '{' -> {
            int start = pos;
            int[] mm = parseRepeat();
            if (mm == null) {
              add(literal('{'));
              pos = start + 1;
            } else {
              int min = mm[0];
              int max = mm[1];
              if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
                throw new SyntaxError("invalid repeat count", src.substring(start, pos));
              }
              repeatStart = start;
              String q = max == min ? "{" + min + "}" : max < 0 ? "{" + min + ",}" : "{" + min + "," + max + "}";
              repeat(q, start, min, max, true);
            }
          }
          case '\\' -> parseBackslash();
          default -> {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            add(literal(cp));
          }
        }
        lastRepeatStart = repeatStart;
      }
      if (frames.size() != 1) {
        throw new SyntaxError("missing closing )", src);
      }
      return join(frames.pop());
    }

    private void add(String java) {
      frames.peek().current().add(new Item(java, false, 1));
    }

    private static String join(Frame f) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < f.alternatives.size(); i++) {
        if (i > 0) {
          sb.append('|');
        }
        for (Item it : f.alternatives.get(i)) {
          sb.append(it.java);
        }
      }
      return sb.toString();
    }

    private void openGroup() throws SyntaxError {
      if (pos + 1 < src.length() && src.charAt(pos + 1) == '?') {
        parsePerlFlags();
        return;
      }
      pos++;
      names.add("");
      frames.push(new Frame("(", flags));
    }

    private void parsePerlFlags() throws SyntaxError {
      String t = src.substring(pos);
      if ((t.length() > 4 && t.charAt(2) == 'P' && t.charAt(3) == '<') || (t.length() > 3 && t.charAt(2) == '<')) {
        int begin = t.charAt(2) == 'P' ? 4 : 3;
        int end = t.indexOf('>');
        if (end < 0) {
          throw new SyntaxError("invalid named capture", t);
        }
        String name = t.substring(begin, end);
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
          throw new SyntaxError("invalid named capture", t.substring(0, end + 1));
        }
        pos += end + 1;
        names.add(name);
        frames.push(new Frame("(", flags));
        return;
      }
      boolean fold = flags.fold;
      boolean multi = flags.multiLine;
      boolean dot = flags.dotNL;
      boolean ungreedy = flags.nonGreedy;
      boolean negate = false;
      boolean sawFlag = false;
      int i = pos + 2;
      while (i < src.length()) {
        int c = src.codePointAt(i);
        i += Character.charCount(c);
        boolean on = !negate;
        if (c == 'i') {
          fold = on;
          sawFlag = true;
        } else if (c == 'm') {
          multi = on;
          sawFlag = true;
        } else if (c == 's') {
          dot = on;
          sawFlag = true;
        } else if (c == 'U') {
          ungreedy = on;
          sawFlag = true;
        } else if (c == '-') {
          if (negate) {
            break;
          }
          negate = true;
          sawFlag = false;
        } else if (c == ':' || c == ')') {
          if (negate && !sawFlag) {
            break;
          }
          Flags next = new Flags(fold, multi, dot, ungreedy);
          pos = i;
          if (c == ':') {
            frames.push(new Frame(fold ? "(?i:" : "(?-i:", flags));
          } else {
            frames.peek().current().add(new Item(fold ? "(?i)" : "(?-i)", true, 0));
          }
          flags = next;
          return;
        } else {
          break;
        }
      }
      throw new SyntaxError("invalid or unsupported Perl syntax", src.substring(pos, Math.min(i, src.length())));
    }

    private void closeGroup() throws SyntaxError {
      if (frames.size() < 2) {
        throw new SyntaxError("unexpected )", src);
      }
      pos++;
      Frame f = frames.pop();
      long product = 1;
      for (List<Item> alt : f.alternatives) {
        for (Item it : alt) {
          product = Math.max(product, it.repeatProduct);
        }
      }
      flags = f.saved;
      frames.peek().current().add(new Item(f.open + join(f) + ")", false, product));
    }

    /** Applies a repetition operator that ended just before {@code pos} to the preceding item. */
    private void repeat(String op, int start, int min, int max, boolean counted) throws SyntaxError {
      boolean lazy = flags.nonGreedy;
      if (pos < src.length() && src.charAt(pos) == '?') {
        pos++;
        lazy = !lazy;
      }
      if (lastRepeatStart >= 0) {
        throw new SyntaxError("invalid nested repetition operator", src.substring(lastRepeatStart, pos));
      }
      List<Item> items = frames.peek().current();
      int idx = items.size() - 1;
      while (idx >= 0 && items.get(idx).flagOnly) {
        idx--;
      }
      if (idx < 0) {
        throw new SyntaxError("missing argument to repetition operator", src.substring(start, pos));
      }
      Item sub = items.get(idx);
      long product = sub.repeatProduct;
      if (counted) {
        int m = max < 0 ? min : max;
        product = m == 0 ? 0 : Math.min(m * Math.max(product, 1), 1_000_000L);
        if ((min >= 2 || max >= 2) && product > 1000) {
          throw new SyntaxError("invalid repeat count", src.substring(start, pos));
        }
      }
      items.set(idx, new Item("(?:" + sub.java + ")" + op + (lazy ? "?" : ""), false, product));
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code pos}; null (and pos unchanged) if not one. */
    private int[] parseRepeat() {
      int p = pos + 1;
      int[] min = parseInt(p);
      if (min == null) {
        return null;
      }
      p = min[1];
      int max;
      if (p >= src.length()) {
        return null;
      }
      if (src.charAt(p) != ',') {
        max = min[0];
      } else {
        p++;
        if (p >= src.length()) {
          return null;
        }
        if (src.charAt(p) == '}') {
          max = -1;
        } else {
          int[] mx = parseInt(p);
          if (mx == null) {
            return null;
          }
          p = mx[1];
          max = mx[0];
          if (max < 0) {
            min[0] = -1;
          }
        }
      }
      if (p >= src.length() || src.charAt(p) != '}') {
        return null;
      }
      pos = p + 1;
      return new int[] {min[0], max};
    }

    /** A decimal number (no leading zeros) at p: {value or -1 if too big, end}; null if none. */
    private int[] parseInt(int p) {
      if (p >= src.length() || !isDigit(src.charAt(p))) {
        return null;
      }
      if (p + 1 < src.length() && src.charAt(p) == '0' && isDigit(src.charAt(p + 1))) {
        return null;
      }
      int n = 0;
      int q = p;
      while (q < src.length() && isDigit(src.charAt(q))) {
        if (n >= 0) {
          n = n >= 100_000_000 ? -1 : n * 10 + (src.charAt(q) - '0');
        }
        q++;
      }
      return new int[] {n, q};
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void parseBackslash() throws SyntaxError {
      if (pos + 1 < src.length()) {
        char n = src.charAt(pos + 1);
        switch (n) {
          case 'A' -> {
            add("\\A");
            pos += 2;
            return;
          }
          case 'z' -> {
            add("\\z");
            pos += 2;
            return;
          }
          case 'b' -> {
            add("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
            pos += 2;
            return;
          }
          case 'B' -> {
            add("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
            pos += 2;
            return;
          }
          case 'C' -> throw new SyntaxError("invalid escape sequence", "\\C");
          case 'Q' -> {
            int end = src.indexOf("\\E", pos + 2);
            String lit = end < 0 ? src.substring(pos + 2) : src.substring(pos + 2, end);
            pos = end < 0 ? src.length() : end + 2;
            lit.codePoints().forEach(cp -> add(literal(cp)));
            return;
          }
          default -> { }
        }
      }
      String cls = unicodeClass();
      if (cls == null) {
        cls = perlClass();
      }
      if (cls != null) {
        add(cls);
        return;
      }
      add(literal(parseEscape()));
    }

    /** {@code \d \s \w} and negations at pos, consumed; null if not one. */
    private String perlClass() {
      if (pos + 1 < src.length() && src.charAt(pos) == '\\') {
        String cls = PERL.get(String.valueOf(src.charAt(pos + 1)));
        if (cls != null) {
          pos += 2;
          return cls;
        }
      }
      return null;
    }

    /** {@code \pL}, {@code \p{Greek}}, {@code \P{^Lu}} at pos, consumed; null if not one. */
    private String unicodeClass() throws SyntaxError {
      if (pos + 1 >= src.length() || src.charAt(pos) != '\\' || (src.charAt(pos + 1) != 'p' && src.charAt(pos + 1) != 'P')) {
        return null;
      }
      boolean negated = src.charAt(pos + 1) == 'P';
      String name;
      String seq;
      int next;
      if (pos + 2 >= src.length()) {
        throw new SyntaxError("invalid character class range", src.substring(pos));
      }
      if (src.charAt(pos + 2) != '{') {
        int cp = src.codePointAt(pos + 2);
        next = pos + 2 + Character.charCount(cp);
        seq = src.substring(pos, next);
        name = seq.substring(2);
      } else {
        int end = src.indexOf('}', pos);
        if (end < 0) {
          throw new SyntaxError("invalid character class range", src.substring(pos));
        }
        seq = src.substring(pos, end + 1);
        name = src.substring(pos + 3, end);
        next = end + 1;
      }
      if (!name.isEmpty() && name.charAt(0) == '^') {
        negated = !negated;
        name = name.substring(1);
      }
      String java = unicodeTable(name, negated);
      if (java == null) {
        throw new SyntaxError("invalid character class range", seq);
      }
      pos = next;
      return java;
    }

    /** An escape standing for one character ({@code \n}, {@code \x41}, octal, punctuation). */
    private int parseEscape() throws SyntaxError {
      int start = pos;
      if (pos + 1 >= src.length()) {
        throw new SyntaxError("trailing backslash at end of expression", "");
      }
      int c = src.codePointAt(pos + 1);
      pos += 1 + Character.charCount(c);
      switch (c) {
        case '1', '2', '3', '4', '5', '6', '7', '0' -> {
          if (c != '0' && (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '7')) {
            break;
          }
          int r = c - '0';
          for (int k = 1; k < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) {
            r = r * 8 + (src.charAt(pos) - '0');
            pos++;
          }
          return r;
        }
        case 'x' -> {
          if (pos >= src.length()) {
            break;
          }
          int d = src.codePointAt(pos);
          pos += Character.charCount(d);
          if (d == '{') {
            int r = 0;
            int nhex = 0;
            while (true) {
              if (pos >= src.length()) {
                throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
              }
              int h = src.codePointAt(pos);
              pos += Character.charCount(h);
              if (h == '}') {
                break;
              }
              int v = Character.digit(h, 16);
              if (v < 0 || h > 'f') {
                throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
              }
              r = r * 16 + v;
              if (r > Character.MAX_CODE_POINT) {
                throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
              }
              nhex++;
            }
            if (nhex == 0) {
              break;
            }
            return r;
          }
          int x = d <= 'f' ? Character.digit(d, 16) : -1;
          if (pos >= src.length()) {
            break;
          }
          int e = src.codePointAt(pos);
          pos += Character.charCount(e);
          int y = e <= 'f' ? Character.digit(e, 16) : -1;
          if (x < 0 || y < 0) {
            break;
          }
          return x * 16 + y;
        }
        case 'a' -> {
          return 7;
        }
        case 'f' -> {
          return '\f';
        }
        case 'n' -> {
          return '\n';
        }
        case 'r' -> {
          return '\r';
        }
        case 't' -> {
          return '\t';
        }
        case 'v' -> {
          return 11;
        }
        default -> {
          if (c < 128 && !Character.isLetterOrDigit(c)) {
            return c;
          }
        }
      }
      throw new SyntaxError("invalid escape sequence", src.substring(start, pos));
    }

    /** A bracketed class at pos, consumed, as a Java class. */
    private String parseClass() throws SyntaxError {
      int whole = pos;
      pos++;
      StringBuilder sb = new StringBuilder("[");
      if (pos < src.length() && src.charAt(pos) == '^') {
        sb.append('^');
        pos++;
      }
      boolean first = true;
      while (pos >= src.length() || src.charAt(pos) != ']' || first) {
        first = false;
        if (pos + 2 < src.length() && src.charAt(pos) == '[' && src.charAt(pos + 1) == ':') {
          int close = src.indexOf(":]", pos + 2);
          if (close >= 0) {
            String full = src.substring(pos, close + 2);
            String name = src.substring(pos + 2, close);
            boolean neg = name.startsWith("^");
            String ranges = POSIX.get(neg ? name.substring(1) : name);
            if (ranges == null) {
              throw new SyntaxError("invalid character class range", full);
            }
            sb.append(neg ? "[^" : "[").append(ranges).append(']');
            pos = close + 2;
            continue;
          }
        }
        String uni = unicodeClass();
        if (uni != null) {
          sb.append(uni);
          continue;
        }
        String perl = perlClass();
        if (perl != null) {
          sb.append(perl);
          continue;
        }
        int rangeStart = pos;
        int lo = classChar(whole);
        int hi = lo;
        if (pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
          pos++;
          hi = classChar(whole);
          if (hi < lo) {
            throw new SyntaxError("invalid character class range", src.substring(rangeStart, pos));
          }
        }
        sb.append(escape(lo));
        if (hi != lo) {
          sb.append('-').append(escape(hi));
        }
      }
      pos++;
      return sb.append(']').toString();
    }

    private int classChar(int whole) throws SyntaxError {
      if (pos >= src.length()) {
        throw new SyntaxError("missing closing ]", src.substring(whole));
      }
      if (src.charAt(pos) == '\\') {
        return parseEscape();
      }
      int cp = src.codePointAt(pos);
      pos += Character.charCount(cp);
      return cp;
    }

    private static String literal(int cp) {
      return escape(cp);
    }

    private static String escape(int cp) {
      if (cp < 128 && Character.isLetterOrDigit(cp)) {
        return String.valueOf((char) cp);
      }
      return "\\x{" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + "}";
    }
  }
}
