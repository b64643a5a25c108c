package dev.kplan.cli.render;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Renders the difference of two values as Terraform's human plan does: one line per changed
 * attribute or element with its {@code + - ~} symbol, unchanged ones folded into
 * "# (N unchanged attributes hidden)", {@code (known after apply)}, {@code (sensitive value)} and
 * {@code # forces replacement}. A container whose own symbol sits at column {@code s} puts its
 * children's symbols at {@code s + 4} and its closing bracket at {@code s + 2}.
 */
final class ValueDiff {
  static final String SENSITIVE = "(sensitive value)";
  static final String UNKNOWN = "(known after apply)";
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  /** Attributes Terraform shows even when unchanged, so that a reader can tell objects apart. */
  private static final Set<String> IMPORTANT = Set.of("id", "name", "tags");

  /** A rendered value: what happens to it, and its text (continuation lines carry their own indent). */
  record Rendered(DiffKind kind, String text) {}

  /** The lines of a container's body, and what happens to the container as a whole. */
  record Body(DiffKind kind, List<String> lines) {}

  private final Style style;
  private final Collection<Path> replacePaths;

  ValueDiff(Style style, Collection<Path> replacePaths) {
    this.style = style;
    this.replacePaths = replacePaths;
  }

  /**
   * The body lines of a top-level object (a resource block), its children at column
   * {@code s + 4}. As Terraform's block renderer, each removed attribute says {@code -> null}.
   */
  Body objectBody(Value before, Value after, int s) {
    return mapBody(attrs(before), attrs(after), absent(before), absent(after), true, s, Path.ROOT, true, false);
  }

  /** The diff of one value whose symbol sits at column {@code s}. */
  Rendered diff(Value b, Value a, int s, Path path, boolean arrowNull) {
    return diff(b, a, s, path, arrowNull, false);
  }

  /**
   * The diff of one value whose symbol sits at column {@code s}: {@code arrowNull} when its own
   * removal is written {@code -> null}, {@code showAll} when unchanged children are shown too.
   */
  private Rendered diff(Value b, Value a, int s, Path path, boolean arrowNull, boolean showAll) {
    boolean bNull = absent(b);
    boolean aNull = absent(a);
    if (bNull && aNull) {
      return new Rendered(DiffKind.NO_OP, "null");
    }
    DiffKind simple = bNull ? DiffKind.CREATE : aNull ? DiffKind.DELETE
        : b.equals(a) ? DiffKind.NO_OP : DiffKind.UPDATE;
    if (sensitive(b) || sensitive(a)) {
      return new Rendered(simple, SENSITIVE + nullArrow(simple, arrowNull));
    }
    if (a instanceof UnknownValue) {
      if (bNull) {
        return new Rendered(DiffKind.CREATE, UNKNOWN);
      }
      // the old value as a removal (without "-> null"), then what replaces it, as Terraform's unknown renderer
      return new Rendered(DiffKind.UPDATE, diff(b, null, s, path, false, showAll).text() + " -> " + UNKNOWN);
    }
    if (b instanceof UnknownValue) {
      Rendered r = diff(null, a, s, path, arrowNull, showAll);
      return new Rendered(DiffKind.UPDATE, r.text());
    }
    Value some = bNull ? a : b;
    boolean sameShape = bNull || aNull || shape(b) == shape(a);
    if (!sameShape) {
      return new Rendered(DiffKind.UPDATE, compact(b) + arrow() + compact(a));
    }
    if (some instanceof ObjectValue || some instanceof MapValue) {
      boolean object = some instanceof ObjectValue;
      Body body = mapBody(entries(b), entries(a), bNull, aNull, object, s, path, false, showAll);
      return new Rendered(body.kind(), enclose("{", "}", body, s, arrowNull));
    }
    if (some instanceof ListValue || some instanceof TupleValue) {
      Body body = listBody(elements(b), elements(a), bNull, aNull, s, path, showAll);
      return new Rendered(body.kind(), enclose("[", "]", body, s, arrowNull));
    }
    if (some instanceof SetValue) {
      Body body = setBody(elements(b), elements(a), bNull, aNull, s, path, showAll);
      return new Rendered(body.kind(), enclose("[", "]", body, s, arrowNull));
    }
    Value jb = json(b);
    Value ja = json(a);
    if ((bNull || jb != null) && (aNull || ja != null)) {
      return jsonencode(jb, ja, simple, s, path, arrowNull);
    }
    if (isMultiline(b) || isMultiline(a)) {
      return new Rendered(simple, heredoc(b, a, simple, s) + nullArrow(simple, arrowNull));
    }
    String text = switch (simple) {
      case CREATE, NO_OP -> primitive(a);
      case DELETE -> primitive(b) + nullArrow(simple, arrowNull);
      case UPDATE -> primitive(b) + arrow() + primitive(a);
    };
    return new Rendered(simple, text);
  }

  /**
   * A string holding a JSON object or array, diffed as the structure it encodes inside
   * {@code jsonencode(...)}, as Terraform shows policies and manifests kept as strings.
   */
  private Rendered jsonencode(Value jb, Value ja, DiffKind kind, int s, Path path, boolean arrowNull) {
    Rendered inner = diff(jb, ja, s + 4, path, false, false);
    if (kind == DiffKind.UPDATE && inner.kind() == DiffKind.NO_OP) {
      // same structure, different text: only whitespace or key order changed
      inner = diff(jb, ja, s + 4, path, false, true);
      return new Rendered(kind, "jsonencode( # whitespace changes\n" + indent(s + 4) + style.symbol(DiffKind.NO_OP)
          + " " + inner.text() + "\n" + indent(s + 2) + ")");
    }
    DiffKind shown = kind == DiffKind.UPDATE ? DiffKind.UPDATE : DiffKind.NO_OP;
    if (!inner.text().contains("\n")) {
      return new Rendered(kind, "jsonencode(" + inner.text() + ")" + nullArrow(kind, arrowNull));
    }
    return new Rendered(kind, "jsonencode(\n" + indent(s + 4) + style.symbol(shown) + " " + inner.text() + "\n"
        + indent(s + 2) + ")" + nullArrow(kind, arrowNull));
  }

  /** The structure a string encodes when it is a JSON object or array, else null. */
  private static Value json(Value v) {
    if (!(v instanceof StringValue str)) {
      return null;
    }
    String t = str.value().trim();
    if (!(t.startsWith("{") || t.startsWith("["))) {
      return null;
    }
    try {
      return JsonCodec.decode(t);
    } catch (JsonCodecException e) {
      return null;
    }
  }

  /** Terraform's note above an attribute whose sensitivity changes, or none. */
  private List<String> sensitivityWarning(Value b, Value a, int s) {
    if (absent(b) || absent(a) || sensitive(b) == sensitive(a)) {
      return List.of();
    }
    String first = sensitive(b)
        ? "this attribute value will no longer be marked as sensitive"
        : "this attribute value will be marked as sensitive and will not";
    String second = sensitive(b) ? "after applying this change." : "display in UI output after applying this change.";
    if (ValueMarks.unmarkDeep(b).equals(ValueMarks.unmarkDeep(a))) {
      second += " The value is unchanged.";
    }
    // the note's "#" sits in the symbol column of the attribute it is about, as Terraform's
    return List.of(indent(s + 4) + "# " + style.yellow("Warning") + ": " + first, indent(s + 4) + "# " + second);
  }

  private String arrow() {
    return " " + style.yellow("->") + " ";
  }

  private String enclose(String open, String close, Body body, int s, boolean arrowNull) {
    String arrow = nullArrow(body.kind(), arrowNull);
    if (body.lines().isEmpty()) {
      return open + close + arrow;
    }
    return open + "\n" + String.join("\n", body.lines()) + "\n" + indent(s + 2) + close + arrow;
  }

  /**
   * An object's or map's entries, keys sorted and aligned over all entries (shown or not), as
   * Terraform's block, object and map renderers do. Removed entries say {@code -> null} in a
   * block and in a map that stays; an object attribute's own attributes never do.
   */
  Body mapBody(Map<String, Value> bm, Map<String, Value> am, boolean bNull, boolean aNull,
      boolean object, int s, Path path, boolean block, boolean showAll) {
    TreeSet<String> keys = new TreeSet<>(bm.keySet());
    keys.addAll(am.keySet());
    boolean childArrowNull = block || (!object && !aNull);
    List<String> lines = new ArrayList<>();
    boolean changed = false;
    int hidden = 0;
    int width = 0;
    List<String> present = new ArrayList<>();
    for (String k : keys) {
      if (!(absent(bm.get(k)) && absent(am.get(k)))) {
        present.add(k);
        width = Math.max(width, label(k, object).length());
      }
    }
    for (String k : present) {
      Path childPath = object ? path.attr(k) : path.index(Value.string(k));
      boolean important = object && IMPORTANT.contains(k);
      Rendered r = diff(bm.get(k), am.get(k), s + 4, childPath, childArrowNull, showAll || important);
      if (replacePaths.contains(childPath)) {
        r = new Rendered(r.kind(), forcesReplacement(r.text()));
      }
      changed |= r.kind() != DiffKind.NO_OP;
      if (r.kind() == DiffKind.NO_OP && !showAll && !important) {
        hidden++;
        continue;
      }
      lines.addAll(sensitivityWarning(bm.get(k), am.get(k), s));
      // a map shows commas after object elements only
      String comma = !object && (am.get(k) instanceof ObjectValue || bm.get(k) instanceof ObjectValue) ? "," : "";
      lines.add(indent(s + 4) + style.symbol(r.kind()) + " " + pad(label(k, object), width) + " = " + r.text() + comma);
    }
    if (hidden > 0) {
      lines.add(hiddenLine(s, hidden, object ? "attribute" : "element"));
    }
    return new Body(containerKind(bNull, aNull, changed), lines);
  }

  static String label(String k, boolean object) {
    return object && IDENT.matcher(k).matches() ? k : GoQuote.quote(k);
  }

  private Body listBody(List<Value> eb, List<Value> ea, boolean bNull, boolean aNull, int s, Path path,
      boolean showAll) {
    List<Op> ops = pairUp(lcs(eb, ea));
    List<Rendered> rendered = new ArrayList<>();
    boolean changed = false;
    for (Op op : ops) {
      Rendered r = diff(op.before, op.after, s + 4, path.index(Value.number(op.index)), false, showAll);
      rendered.add(r);
      changed |= r.kind() != DiffKind.NO_OP;
    }
    // unchanged elements next to a change stay as context, as Terraform shows lists
    List<String> lines = new ArrayList<>();
    int hidden = 0;
    for (int i = 0; i < rendered.size(); i++) {
      Rendered r = rendered.get(i);
      boolean context = (i > 0 && rendered.get(i - 1).kind() != DiffKind.NO_OP)
          || (i + 1 < rendered.size() && rendered.get(i + 1).kind() != DiffKind.NO_OP);
      if (r.kind() == DiffKind.NO_OP && !context && !showAll) {
        hidden++;
        continue;
      }
      if (hidden > 0) {
        lines.add(hiddenLine(s, hidden, "element"));
        hidden = 0;
      }
      lines.add(indent(s + 4) + style.symbol(r.kind()) + " " + r.text() + ",");
    }
    if (hidden > 0) {
      lines.add(hiddenLine(s, hidden, "element"));
    }
    return new Body(containerKind(bNull, aNull, changed), lines);
  }

  private Body setBody(List<Value> eb, List<Value> ea, boolean bNull, boolean aNull, int s, Path path,
      boolean showAll) {
    List<String> lines = new ArrayList<>();
    int hidden = 0;
    for (Value v : eb) {
      if (!ea.contains(v)) {
        lines.add(indent(s + 4) + style.symbol(DiffKind.DELETE) + " " + diff(v, null, s + 4, path, false).text() + ",");
      }
    }
    boolean changed = !lines.isEmpty();
    for (Value v : ea) {
      if (eb.contains(v)) {
        if (showAll) {
          lines.add(indent(s + 4) + style.symbol(DiffKind.NO_OP) + " " + diff(v, v, s + 4, path, false).text() + ",");
        } else {
          hidden++;
        }
      } else {
        changed = true;
        lines.add(indent(s + 4) + style.symbol(DiffKind.CREATE) + " " + diff(null, v, s + 4, path, false).text() + ",");
      }
    }
    if (hidden > 0) {
      lines.add(hiddenLine(s, hidden, "element"));
    }
    return new Body(containerKind(bNull, aNull, changed), lines);
  }

  private String heredoc(Value b, Value a, DiffKind kind, int s) {
    List<String> lb = absent(b) ? List.of() : heredocLines(((StringValue) b).value());
    List<String> la = absent(a) ? List.of() : heredocLines(((StringValue) a).value());
    StringBuilder sb = new StringBuilder("<<-EOT");
    if (kind == DiffKind.UPDATE) {
      for (Op op : lcs(stringValues(lb), stringValues(la))) {
        DiffKind k = op.before == null ? DiffKind.CREATE : op.after == null ? DiffKind.DELETE : DiffKind.NO_OP;
        String line = ((StringValue) (op.after == null ? op.before : op.after)).value();
        sb.append('\n').append(indent(s + 4)).append(style.symbol(k)).append(' ').append(line);
      }
    } else {
      for (String line : kind == DiffKind.DELETE ? lb : la) {
        sb.append('\n').append(indent(s + 6)).append(line);
      }
    }
    return sb.append('\n').append(indent(s + 2)).append("EOT").toString();
  }

  /** One element of a list diff: kept (both), deleted (after null) or inserted (before null). */
  private record Op(Value before, Value after, int index) {}

  /** Beyond this many cells the middle of a diff is shown as removed then added, not aligned. */
  private static final long LCS_CELLS = 4_000_000L;

  /**
   * The edit script from {@code a} to {@code b}, deletions before insertions: the common prefix
   * and suffix kept as they are, the middle aligned by longest common subsequence (when small
   * enough to align in bounded memory).
   */
  private static List<Op> lcs(List<Value> a, List<Value> b) {
    int pre = 0;
    while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre
        && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
      suf++;
    }
    List<Op> ops = new ArrayList<>();
    for (int k = 0; k < pre; k++) {
      ops.add(new Op(a.get(k), b.get(k), k));
    }
    List<Value> ma = a.subList(pre, a.size() - suf);
    List<Value> mb = b.subList(pre, b.size() - suf);
    if ((long) ma.size() * mb.size() > LCS_CELLS) {
      for (int k = 0; k < ma.size(); k++) {
        ops.add(new Op(ma.get(k), null, pre + k));
      }
      for (int k = 0; k < mb.size(); k++) {
        ops.add(new Op(null, mb.get(k), pre + k));
      }
    } else {
      int[][] t = new int[ma.size() + 1][mb.size() + 1];
      for (int i = ma.size() - 1; i >= 0; i--) {
        for (int j = mb.size() - 1; j >= 0; j--) {
          t[i][j] = ma.get(i).equals(mb.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < ma.size() || j < mb.size()) {
        if (i < ma.size() && j < mb.size() && ma.get(i).equals(mb.get(j))) {
          ops.add(new Op(ma.get(i++), mb.get(j), pre + j++));
        } else if (i < ma.size() && (j == mb.size() || t[i + 1][j] >= t[i][j + 1])) {
          // deletions before insertions, as Terraform lists "- old" above "+ new"
          ops.add(new Op(ma.get(i), null, pre + i++));
        } else {
          ops.add(new Op(null, mb.get(j), pre + j++));
        }
      }
    }
    for (int k = 0; k < suf; k++) {
      ops.add(new Op(a.get(a.size() - suf + k), b.get(b.size() - suf + k), b.size() - suf + k));
    }
    return ops;
  }

  /** A deleted object followed by an inserted one is the same element updated, as Terraform pairs them. */
  private static List<Op> pairUp(List<Op> ops) {
    List<Op> out = new ArrayList<>();
    int i = 0;
    while (i < ops.size()) {
      int d = i;
      while (d < ops.size() && ops.get(d).after == null) {
        d++;
      }
      int n = d;
      while (n < ops.size() && ops.get(n).before == null) {
        n++;
      }
      if (d == i || n == d) {
        out.add(ops.get(i++));
        continue;
      }
      List<Op> deletes = ops.subList(i, d);
      List<Op> inserts = ops.subList(d, n);
      int pairs = Math.min(deletes.size(), inserts.size());
      List<Op> restDeletes = new ArrayList<>();
      List<Op> restInserts = new ArrayList<>();
      for (int k = 0; k < Math.max(deletes.size(), inserts.size()); k++) {
        Op del = k < deletes.size() ? deletes.get(k) : null;
        Op ins = k < inserts.size() ? inserts.get(k) : null;
        if (k < pairs && isStructural(del.before) && isStructural(ins.after)) {
          out.add(new Op(del.before, ins.after, ins.index));
        } else {
          if (del != null) {
            restDeletes.add(del);
          }
          if (ins != null) {
            restInserts.add(ins);
          }
        }
      }
      out.addAll(restDeletes);
      out.addAll(restInserts);
      i = n;
    }
    return out;
  }

  String forcesReplacement(String text) {
    int nl = text.indexOf('\n');
    String note = " " + style.red("# forces replacement");
    return nl < 0 ? text + note : text.substring(0, nl) + note + text.substring(nl);
  }

  String hiddenLine(int s, int n, String noun) {
    return indent(s + 6) + "# (" + n + " unchanged " + noun + (n == 1 ? "" : "s") + " hidden)";
  }

  static DiffKind containerKind(boolean bNull, boolean aNull, boolean changed) {
    return bNull ? DiffKind.CREATE : aNull ? DiffKind.DELETE : changed ? DiffKind.UPDATE : DiffKind.NO_OP;
  }

  private static String nullArrow(DiffKind kind, boolean arrowNull) {
    return kind == DiffKind.DELETE && arrowNull ? " -> null" : "";
  }

  /** A value on one line, for the rare change of shape ({@code "a" -> ["a"]}); sensitive parts hidden. */
  static String compact(Value v) {
    if (absent(v)) {
      return "null";
    }
    if (ValueMarks.deepMarks(v).isSensitive()) {
      return SENSITIVE;
    }
    if (!v.isWhollyKnown()) {
      return UNKNOWN;
    }
    return isPrimitive(v) ? primitive(v) : JsonCodec.encode(v);
  }

  static String primitive(Value v) {
    if (absent(v)) {
      return "null";
    }
    if (v instanceof StringValue s) {
      return GoQuote.quote(s.value());
    }
    if (v instanceof NumberValue n) {
      return JsonCodec.numberText(n.value());
    }
    if (v instanceof BoolValue b) {
      return b.value() ? "true" : "false";
    }
    return compact(v);
  }

  static boolean absent(Value v) {
    return v == null || v.isNull();
  }

  static boolean sensitive(Value v) {
    if (v == null) {
      return false;
    }
    // a primitive's own marks are all its marks; containers hide only their sensitive parts
    return v.isSensitive() || (isPrimitive(v) && ValueMarks.deepMarks(v).isSensitive());
  }

  private static boolean isPrimitive(Value v) {
    return v instanceof StringValue || v instanceof NumberValue || v instanceof BoolValue;
  }

  private static boolean isStructural(Value v) {
    return v instanceof ObjectValue || v instanceof MapValue;
  }

  private static boolean isMultiline(Value v) {
    return v instanceof StringValue s && s.value().contains("\n");
  }

  private static int shape(Value v) {
    if (v instanceof ObjectValue || v instanceof MapValue) {
      return 1;
    }
    if (v instanceof ListValue || v instanceof TupleValue) {
      return 2;
    }
    if (v instanceof SetValue) {
      return 3;
    }
    return 0;
  }

  static Map<String, Value> attrs(Value v) {
    return v instanceof ObjectValue o ? o.attributes() : v instanceof MapValue m ? m.entries() : Map.of();
  }

  private static Map<String, Value> entries(Value v) {
    return absent(v) ? Map.of() : attrs(v);
  }

  static List<Value> elements(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    return List.of();
  }

  private static List<String> heredocLines(String s) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static List<Value> stringValues(List<String> lines) {
    List<Value> out = new ArrayList<>();
    for (String l : lines) {
      out.add(Value.string(l));
    }
    return out;
  }

  static String indent(int n) {
    return " ".repeat(Math.max(0, n));
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
