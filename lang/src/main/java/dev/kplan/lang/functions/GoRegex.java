package dev.kplan.lang.functions;

import dev.kplan.lang.functions.GoRegexProgram.AnyChar;
import dev.kplan.lang.functions.GoRegexProgram.Assert;
import dev.kplan.lang.functions.GoRegexProgram.Capture;
import dev.kplan.lang.functions.GoRegexProgram.CaseFold;
import dev.kplan.lang.functions.GoRegexProgram.CharSet;
import dev.kplan.lang.functions.GoRegexProgram.Empty;
import dev.kplan.lang.functions.GoRegexProgram.Literal;
import dev.kplan.lang.functions.GoRegexProgram.Node;
import dev.kplan.lang.functions.GoRegexProgram.Op;
import dev.kplan.lang.functions.GoRegexProgram.Repeat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A regular expression in Go's RE2 syntax, what Terraform's {@code regex}, {@code regexall} and
 * {@code replace} take. It is parsed as Go's {@code regexp/syntax} parses it, rejecting what Go
 * rejects (backreferences, lookaround, possessive and nested repetition) with Go's error codes,
 * and run by {@link GoRegexProgram}, so matches, captures and running time are Go's. Loops over
 * all matches and template expansion follow Go's {@code regexp} package.
 */
final class GoRegex {
  private static final IntPredicate DIGIT = c -> c >= '0' && c <= '9';
  private static final IntPredicate SPACE = c -> c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  private static final IntPredicate WORD = GoRegexProgram::isWordChar;
  private static final Map<String, IntPredicate> POSIX = Map.ofEntries(
      Map.entry("alnum", c -> DIGIT.test(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')),
      Map.entry("alpha", c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')),
      Map.entry("ascii", c -> c <= 0x7F),
      Map.entry("blank", c -> c == '\t' || c == ' '),
      Map.entry("cntrl", c -> c <= 0x1F || c == 0x7F),
      Map.entry("digit", DIGIT),
      Map.entry("graph", c -> c >= '!' && c <= '~'),
      Map.entry("lower", c -> c >= 'a' && c <= 'z'),
      Map.entry("print", c -> c >= ' ' && c <= '~'),
      Map.entry("punct", c -> (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`')
          || (c >= '{' && c <= '~')),
      Map.entry("space", c -> (c >= '\t' && c <= '\r') || c == ' '),
      Map.entry("upper", c -> c >= 'A' && c <= 'Z'),
      Map.entry("word", WORD),
      Map.entry("xdigit", c -> DIGIT.test(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')));
  /** Go's general categories (one- and two-letter names) as Java character types. */
  private static final Map<String, Set<Integer>> CATEGORIES = categories();
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

  /** Recently compiled patterns: a pattern in a for expression or formatlist is used many times. */
  private static final Map<String, Object> CACHE = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > 256;
        }
      });

  private final GoRegexProgram program;
  private final List<String> groupNames;

  private GoRegex(GoRegexProgram program, List<String> groupNames) {
    this.program = program;
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

  /** The pattern for Go syntax {@code source}, or Go's error for it. */
  static GoRegex compile(String source) throws SyntaxError {
    Object cached = CACHE.get(source);
    if (cached == null) {
      try {
        Parser p = new Parser(source);
        Node root = p.parse();
        cached = new GoRegex(new GoRegexProgram(root, p.names.size() - 1), p.names);
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

  /** Names of the capture groups, index 0 being the whole match; "" for unnamed groups. */
  List<String> groupNames() {
    return groupNames;
  }

  int groupCount() {
    return groupNames.size() - 1;
  }

  /** The first match as Go's submatch index pairs (-1 for groups that took no part), or null. */
  int[] find(String s) {
    return program.match(s, 0);
  }

  /** All successive non-overlapping matches, skipping empty matches right after a match, as Go. */
  List<int[]> findAll(String s) {
    List<int[]> out = new ArrayList<>();
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length()) {
      int[] m = program.match(s, pos);
      if (m == null) {
        break;
      }
      boolean accept = true;
      if (m[1] == pos) {
        if (m[0] == prevEnd) {
          accept = false;
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m[1];
      }
      prevEnd = m[1];
      if (accept) {
        out.add(m);
      }
    }
    return out;
  }

  /** Go's {@code ReplaceAllString}: {@code $1}, {@code ${name}} and {@code $$} in the template. */
  String replaceAll(String s, String template) {
    StringBuilder out = new StringBuilder();
    int lastEnd = 0;
    int search = 0;
    while (search <= s.length()) {
      int[] a = program.match(s, search);
      if (a == null) {
        break;
      }
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

  // ---- Unicode class names

  private static Map<String, Set<Integer>> categories() {
    Map<String, Set<Integer>> m = new HashMap<>();
    m.put("Cc", Set.of((int) Character.CONTROL));
    m.put("Cf", Set.of((int) Character.FORMAT));
    m.put("Cn", Set.of((int) Character.UNASSIGNED));
    m.put("Co", Set.of((int) Character.PRIVATE_USE));
    m.put("Cs", Set.of((int) Character.SURROGATE));
    m.put("Ll", Set.of((int) Character.LOWERCASE_LETTER));
    m.put("Lm", Set.of((int) Character.MODIFIER_LETTER));
    m.put("Lo", Set.of((int) Character.OTHER_LETTER));
    m.put("Lt", Set.of((int) Character.TITLECASE_LETTER));
    m.put("Lu", Set.of((int) Character.UPPERCASE_LETTER));
    m.put("Mc", Set.of((int) Character.COMBINING_SPACING_MARK));
    m.put("Me", Set.of((int) Character.ENCLOSING_MARK));
    m.put("Mn", Set.of((int) Character.NON_SPACING_MARK));
    m.put("Nd", Set.of((int) Character.DECIMAL_DIGIT_NUMBER));
    m.put("Nl", Set.of((int) Character.LETTER_NUMBER));
    m.put("No", Set.of((int) Character.OTHER_NUMBER));
    m.put("Pc", Set.of((int) Character.CONNECTOR_PUNCTUATION));
    m.put("Pd", Set.of((int) Character.DASH_PUNCTUATION));
    m.put("Pe", Set.of((int) Character.END_PUNCTUATION));
    m.put("Pf", Set.of((int) Character.FINAL_QUOTE_PUNCTUATION));
    m.put("Pi", Set.of((int) Character.INITIAL_QUOTE_PUNCTUATION));
    m.put("Po", Set.of((int) Character.OTHER_PUNCTUATION));
    m.put("Ps", Set.of((int) Character.START_PUNCTUATION));
    m.put("Sc", Set.of((int) Character.CURRENCY_SYMBOL));
    m.put("Sk", Set.of((int) Character.MODIFIER_SYMBOL));
    m.put("Sm", Set.of((int) Character.MATH_SYMBOL));
    m.put("So", Set.of((int) Character.OTHER_SYMBOL));
    m.put("Zl", Set.of((int) Character.LINE_SEPARATOR));
    m.put("Zp", Set.of((int) Character.PARAGRAPH_SEPARATOR));
    m.put("Zs", Set.of((int) Character.SPACE_SEPARATOR));
    for (String major : List.of("C", "L", "M", "N", "P", "S", "Z")) {
      Set<Integer> all = new java.util.HashSet<>();
      m.forEach((k, v) -> {
        if (k.startsWith(major)) {
          all.addAll(v);
        }
      });
      m.put(major, all);
    }
    m.put("LC", Set.of((int) Character.UPPERCASE_LETTER, (int) Character.LOWERCASE_LETTER,
        (int) Character.TITLECASE_LETTER));
    return m;
  }

  private static Map<String, String> canonicalKeys(Map<String, String> byName) {
    Map<String, String> out = new HashMap<>();
    byName.forEach((k, v) -> out.put(canonicalName(k), v));
    return out;
  }

  private static Map<String, Character.UnicodeScript> scripts() {
    Map<String, Character.UnicodeScript> out = new HashMap<>();
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

  /** The code points Go's {@code \p{name}} stands for, or null for a name Go does not know. */
  private static IntPredicate unicodeTable(String name) {
    String canon = canonicalName(name);
    switch (canon) {
      case "Any":
        return c -> true;
      case "Assigned":
        return c -> Character.getType(c) != Character.UNASSIGNED;
      case "Ascii":
        return c -> c <= 0x7F;
      case "Lc":
        return category("LC");
      default:
        break;
    }
    if (CATEGORIES.containsKey(canon)) {
      return category(canon);
    }
    Character.UnicodeScript script = SCRIPTS.get(canon);
    if (script != null) {
      return c -> Character.UnicodeScript.of(c) == script;
    }
    String alias = CATEGORY_ALIASES.get(canon);
    return alias == null ? null : category(alias);
  }

  private static IntPredicate category(String name) {
    Set<Integer> types = CATEGORIES.get(name);
    return c -> types.contains(Character.getType(c));
  }

  // ---- the parser

  /** Go's parser flags that change how later syntax reads. */
  private record Flags(boolean fold, boolean multiLine, boolean dotNL, boolean nonGreedy) {}

  /**
   * One element of a concatenation. {@code repeatProduct} is the largest product of counted
   * repetitions inside it, for Go's limit of 1000.
   */
  private record Item(Node node, long repeatProduct) {}

  /** An open group: its alternatives so far and the flags to restore when it closes. */
  private static final class Frame {
    final int capture;
    final Flags saved;
    final List<List<Item>> alternatives = new ArrayList<>();

    Frame(int capture, Flags saved) {
      this.capture = capture;
      this.saved = saved;
      alternatives.add(new ArrayList<>());
    }

    List<Item> current() {
      return alternatives.get(alternatives.size() - 1);
    }

    Node node() {
      List<Node> alts = new ArrayList<>();
      for (List<Item> alt : alternatives) {
        List<Node> seq = new ArrayList<>();
        alt.forEach(i -> seq.add(i.node()));
        alts.add(seq.size() == 1 ? seq.get(0) : new GoRegexProgram.Concat(seq));
      }
      return alts.size() == 1 ? alts.get(0) : new GoRegexProgram.Alternate(alts);
    }

    long repeatProduct() {
      long product = 1;
      for (List<Item> alt : alternatives) {
        for (Item it : alt) {
          product = Math.max(product, it.repeatProduct());
        }
      }
      return product;
    }
  }

  /** Reads Go syntax left to right, as {@code regexp/syntax.parse} does. */
  private static final class Parser {
    private final String src;
    private int pos;
    private Flags flags = new Flags(false, false, false, false);
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final List<String> names = new ArrayList<>(List.of(""));
    private int lastRepeatStart = -1;

    Parser(String src) {
      this.src = src;
    }

    Node parse() throws SyntaxError {
      frames.push(new Frame(0, flags));
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
            add(new Assert(flags.multiLine ? Empty.BEGIN_LINE : Empty.BEGIN_TEXT));
            pos++;
          }
          case '$' -> {
            add(new Assert(flags.multiLine ? Empty.END_LINE : Empty.END_TEXT));
            pos++;
          }
          case '.' -> {
            add(new AnyChar(flags.dotNL));
            pos++;
          }
          case '[' -> add(parseClass());
          case '*', '+', '?' -> {
            repeatStart = pos;
            pos++;
            repeat(c == '*' ? Op.STAR : c == '+' ? Op.PLUS : Op.QUEST, repeatStart, 0, 0);
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
              repeat(Op.REPEAT, start, min, max);
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
      return frames.pop().node();
    }

    private void add(Node n) {
      frames.peek().current().add(new Item(n, 1));
    }

    private Node literal(int cp) {
      return new Literal(cp, flags.fold);
    }

    private void openGroup() throws SyntaxError {
      if (pos + 1 < src.length() && src.charAt(pos + 1) == '?') {
        parsePerlFlags();
        return;
      }
      pos++;
      names.add("");
      frames.push(new Frame(names.size() - 1, flags));
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
        frames.push(new Frame(names.size() - 1, flags));
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
          pos = i;
          if (c == ':') {
            frames.push(new Frame(-1, flags));
          }
          flags = new Flags(fold, multi, dot, ungreedy);
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
      flags = f.saved;
      Node inner = f.node();
      Node n = f.capture > 0 ? new Capture(f.capture, inner) : inner;
      frames.peek().current().add(new Item(n, f.repeatProduct()));
    }

    /** Applies a repetition operator that ended just before {@code pos} to the preceding item. */
    private void repeat(Op op, int start, int min, int max) throws SyntaxError {
      boolean lazy = flags.nonGreedy;
      if (pos < src.length() && src.charAt(pos) == '?') {
        pos++;
        lazy = !lazy;
      }
      if (lastRepeatStart >= 0) {
        throw new SyntaxError("invalid nested repetition operator", src.substring(lastRepeatStart, pos));
      }
      List<Item> items = frames.peek().current();
      if (items.isEmpty()) {
        throw new SyntaxError("missing argument to repetition operator", src.substring(start, pos));
      }
      Item sub = items.get(items.size() - 1);
      long product = sub.repeatProduct();
      if (op == Op.REPEAT) {
        int m = max < 0 ? min : max;
        product = m == 0 ? 0 : Math.min(m * Math.max(product, 1), 1_000_000L);
        if ((min >= 2 || max >= 2) && product > 1000) {
          throw new SyntaxError("invalid repeat count", src.substring(start, pos));
        }
      }
      items.set(items.size() - 1, new Item(new Repeat(op, sub.node(), min, max, !lazy), product));
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
            add(new Assert(Empty.BEGIN_TEXT));
            pos += 2;
            return;
          }
          case 'z' -> {
            add(new Assert(Empty.END_TEXT));
            pos += 2;
            return;
          }
          case 'b' -> {
            add(new Assert(Empty.WORD_BOUNDARY));
            pos += 2;
            return;
          }
          case 'B' -> {
            add(new Assert(Empty.NO_WORD_BOUNDARY));
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
      IntPredicate cls = unicodeClass();
      if (cls == null) {
        cls = perlClass();
      }
      if (cls != null) {
        add(new CharSet(cls));
        return;
      }
      add(literal(parseEscape()));
    }

    /** A class member set, widened by case folding when the fold flag is on. */
    private IntPredicate folded(IntPredicate set) {
      return flags.fold ? CaseFold.folded(set) : set;
    }

    /** {@code \d \s \w} and negations at pos, consumed; null if not one. */
    private IntPredicate perlClass() {
      if (pos + 1 < src.length() && src.charAt(pos) == '\\') {
        char c = src.charAt(pos + 1);
        IntPredicate base = switch (Character.toLowerCase(c)) {
          case 'd' -> DIGIT;
          case 's' -> SPACE;
          case 'w' -> WORD;
          default -> null;
        };
        if (base != null) {
          pos += 2;
          IntPredicate f = folded(base);
          return Character.isUpperCase(c) ? f.negate() : f;
        }
      }
      return null;
    }

    /** {@code \pL}, {@code \p{Greek}}, {@code \P{^Lu}} at pos, consumed; null if not one. */
    private IntPredicate unicodeClass() throws SyntaxError {
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
      IntPredicate table = unicodeTable(name);
      if (table == null) {
        throw new SyntaxError("invalid character class range", seq);
      }
      pos = next;
      IntPredicate f = folded(table);
      return negated ? f.negate() : f;
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
              int v = h <= 'f' ? Character.digit(h, 16) : -1;
              if (v < 0) {
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

    /** A bracketed class at pos, consumed. */
    private Node parseClass() throws SyntaxError {
      int whole = pos;
      pos++;
      boolean negated = false;
      if (pos < src.length() && src.charAt(pos) == '^') {
        negated = true;
        pos++;
      }
      List<IntPredicate> members = new ArrayList<>();
      List<int[]> ranges = new ArrayList<>();
      boolean first = true;
      while (pos >= src.length() || src.charAt(pos) != ']' || first) {
        first = false;
        if (pos + 2 < src.length() && src.charAt(pos) == '[' && src.charAt(pos + 1) == ':') {
          int close = src.indexOf(":]", pos + 2);
          if (close >= 0) {
            String full = src.substring(pos, close + 2);
            String name = src.substring(pos + 2, close);
            boolean neg = name.startsWith("^");
            IntPredicate set = POSIX.get(neg ? name.substring(1) : name);
            if (set == null) {
              throw new SyntaxError("invalid character class range", full);
            }
            IntPredicate f = folded(set);
            members.add(neg ? f.negate() : f);
            pos = close + 2;
            continue;
          }
        }
        IntPredicate uni = unicodeClass();
        if (uni != null) {
          members.add(uni);
          continue;
        }
        IntPredicate perl = perlClass();
        if (perl != null) {
          members.add(perl);
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
        ranges.add(new int[] {lo, hi});
      }
      pos++;
      int[][] rs = ranges.toArray(new int[0][]);
      IntPredicate inRanges = c -> {
        for (int[] r : rs) {
          if (c >= r[0] && c <= r[1]) {
            return true;
          }
        }
        return false;
      };
      members.add(folded(inRanges));
      IntPredicate[] all = members.toArray(new IntPredicate[0]);
      IntPredicate union = c -> {
        for (IntPredicate p : all) {
          if (p.test(c)) {
            return true;
          }
        }
        return false;
      };
      return new CharSet(negated ? union.negate() : union);
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
  }
}
