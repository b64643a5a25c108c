package dev.kplan.cli.render;

import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff of a body that has a schema, as Terraform's block renderer draws it: the attributes
 * (keys aligned, unchanged ones folded, as {@link ValueDiff} does for any object), then each nested
 * block as a block of its own ({@code + rule { … }}) with its own symbol: list blocks paired by
 * position, set blocks matched by equality (what is in both is unchanged), map blocks by label,
 * unchanged blocks folded into "# (N unchanged blocks hidden)". A block whose value is sensitive
 * shows none of its contents; a block collection not known yet is {@code (known after apply)}.
 * A block whose own symbol sits at column {@code s} puts its children's at {@code s + 4} and its
 * closing brace at {@code s + 2}.
 */
final class BlockDiff {
  private final ValueDiff values;
  private final Style style;
  private final java.util.Collection<Path> replacePaths;

  BlockDiff(Style style, java.util.Collection<Path> replacePaths) {
    this.values = new ValueDiff(style, replacePaths);
    this.style = style;
    this.replacePaths = replacePaths;
  }

  /** The body lines of a top-level block (a resource), its children's symbols at column {@code s + 4}. */
  ValueDiff.Body body(BlockSchema schema, Value before, Value after, int s) {
    return body(schema, before, after, s, Path.ROOT, true);
  }

  /** One nested block: what happens to it, and its text from the opening brace on. */
  private ValueDiff.Rendered element(BlockSchema schema, Value b, Value a, int s, Path path, boolean forced,
      boolean nullArrows) {
    boolean replace = forced || replacePaths.contains(path);
    DiffKind simple = simpleKind(b, a);
    if (sensitive(b) || sensitive(a)) {
      return new ValueDiff.Rendered(simple, sensitiveBlock(s, replace));
    }
    if (a instanceof UnknownValue) {
      if (ValueDiff.absent(b)) {
        return new ValueDiff.Rendered(DiffKind.CREATE, ValueDiff.UNKNOWN + forces(replace));
      }
      // the old block, each attribute becoming "(known after apply)" and nested blocks going (without
      // "-> null"), then what replaces it, as Terraform's unknown renderer draws a block
      ValueDiff.Rendered old = enclose(body(schema, b, unknownAttributes(schema), s, path, false), s, false);
      return new ValueDiff.Rendered(DiffKind.UPDATE, old.text() + " -> " + ValueDiff.UNKNOWN + forces(replace));
    }
    return enclose(body(schema, ValueDiff.absent(b) || b instanceof UnknownValue ? null : b, a, s, path, nullArrows),
        s, replace);
  }

  /** A block whose attributes are all unknown and which has no nested blocks. */
  private static Value unknownAttributes(BlockSchema schema) {
    Map<String, Value> attrs = new LinkedHashMap<>();
    schema.attributes().forEach((k, a) -> attrs.put(k, Value.unknownOf(a.type())));
    return Value.object(attrs);
  }

  private ValueDiff.Rendered enclose(ValueDiff.Body body, int s, boolean replace) {
    if (body.lines().isEmpty()) {
      return new ValueDiff.Rendered(body.kind(), "{}" + forces(replace));
    }
    StringBuilder sb = new StringBuilder("{").append(forces(replace)).append('\n');
    body.lines().forEach(l -> sb.append(l).append('\n'));
    sb.append(ValueDiff.indent(s + 2)).append('}');
    return new ValueDiff.Rendered(body.kind(), sb.toString());
  }

  /**
   * The attributes, then the nested blocks, of one block. {@code nullArrows} is false under an
   * unknown block, whose old contents are shown without {@code -> null}.
   */
  private ValueDiff.Body body(BlockSchema schema, Value before, Value after, int s, Path path, boolean nullArrows) {
    boolean bNull = ValueDiff.absent(before);
    boolean aNull = ValueDiff.absent(after);
    Map<String, Value> bAttrs = new TreeMap<>(ValueDiff.attrs(bNull ? null : before));
    Map<String, Value> aAttrs = new TreeMap<>(ValueDiff.attrs(aNull ? null : after));
    bAttrs.keySet().removeAll(schema.blocks().keySet());
    aAttrs.keySet().removeAll(schema.blocks().keySet());
    ValueDiff.Body attrs = values.mapBody(bAttrs, aAttrs, bNull, aNull, true, s, path, nullArrows, false);
    boolean anyAttribute = false;
    for (String k : new TreeSet<>(union(bAttrs, aAttrs))) {
      anyAttribute |= !(ValueDiff.absent(bAttrs.get(k)) && ValueDiff.absent(aAttrs.get(k)));
    }
    DiffKind kind = attrs.kind();

    // every nested block's diff first: the kind of this block depends on them all
    Map<String, List<Labelled>> groups = new LinkedHashMap<>();
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      String name = e.getKey();
      Value bv = bNull ? null : ValueDiff.attrs(before).get(name);
      Value av = aNull ? null : ValueDiff.attrs(after).get(name);
      boolean unknown = av instanceof UnknownValue;
      if (ValueDiff.absent(bv) && ValueDiff.absent(av) && !unknown) {
        continue; // nothing recorded, as Terraform leaves out null blocks
      }
      Path p = path.attr(name);
      boolean forced = replacePaths.contains(p);
      List<Labelled> diffs = blocks(e.getValue(), bv, av, s + 4, p, forced, nullArrows);
      boolean beforeSensitive = collectionSensitive(e.getValue(), bv);
      boolean afterSensitive = collectionSensitive(e.getValue(), av);
      List<Labelled> shown = new ArrayList<>();
      for (Labelled d : diffs) {
        ValueDiff.Rendered r = d.rendered();
        List<String> warnings = List.of();
        if ((r.kind() == DiffKind.CREATE && afterSensitive) || (r.kind() == DiffKind.DELETE && beforeSensitive)
            || ((r.kind() == DiffKind.UPDATE || r.kind() == DiffKind.NO_OP) && (beforeSensitive || afterSensitive))) {
          // the whole collection is sensitive: no block of it shows its contents
          DiffKind k = r.kind() == DiffKind.NO_OP && beforeSensitive != afterSensitive ? DiffKind.UPDATE : r.kind();
          if (k == DiffKind.UPDATE && beforeSensitive != afterSensitive) {
            warnings = sensitivityWarning(beforeSensitive, s + 4);
          }
          r = new ValueDiff.Rendered(k, sensitiveBlock(s + 4, forced || d.replace()));
        }
        shown.add(new Labelled(d.label(), r, d.replace(), warnings));
        kind = compare(kind, r.kind());
      }
      if (unknown && e.getValue().nesting() != NestedBlock.Nesting.SINGLE) {
        kind = compare(kind, ValueDiff.absent(bv) ? DiffKind.CREATE : DiffKind.UPDATE);
        shown.add(0, new Labelled("", null, false, List.of())); // drawn with this block's own kind, below
      }
      groups.put(name, shown);
    }

    List<String> lines = new ArrayList<>(attrs.lines());
    int hiddenBlocks = 0;
    for (Map.Entry<String, List<Labelled>> g : groups.entrySet()) {
      boolean first = true;
      for (Labelled d : g.getValue()) {
        ValueDiff.Rendered r = d.rendered() != null ? d.rendered()
            : new ValueDiff.Rendered(kind, ValueDiff.UNKNOWN);
        if (r.kind() == DiffKind.NO_OP) {
          hiddenBlocks++;
          continue;
        }
        if (first && anyAttribute) {
          lines.add(""); // Terraform puts an empty line between the attributes and each group of blocks
        }
        first = false;
        lines.addAll(d.warnings());
        lines.add(ValueDiff.indent(s + 4) + style.symbol(r.kind()) + " " + ValueDiff.label(g.getKey(), true)
            + d.label() + " " + r.text());
      }
    }
    if (hiddenBlocks > 0) {
      lines.add("");
      lines.add(values.hiddenLine(s, hiddenBlocks, "block"));
    }
    return new ValueDiff.Body(kind, lines);
  }

  /** The diffs of the blocks of one type, each labelled as Terraform writes it after the type name. */
  private List<Labelled> blocks(NestedBlock nb, Value bv, Value av, int s, Path path, boolean forced,
      boolean nullArrows) {
    List<Labelled> out = new ArrayList<>();
    BlockSchema inner = nb.block();
    switch (nb.nesting()) {
      case SINGLE -> out.add(labelled("", element(inner, bv, av, s, path, forced, nullArrows),
          forced || replacePaths.contains(path)));
      case LIST -> {
        List<Value> eb = known(bv);
        List<Value> ea = known(av);
        // list blocks are paired by position, as Terraform's nested list diff
        for (int i = 0; i < Math.max(eb.size(), ea.size()); i++) {
          Path p = path.index(Value.number(i));
          out.add(labelled("", element(inner, i < eb.size() ? eb.get(i) : null, i < ea.size() ? ea.get(i) : null, s,
              p, forced, nullArrows), forced || replacePaths.contains(p)));
        }
      }
      case SET -> {
        List<Value> eb = known(bv);
        List<Value> ea = known(av);
        int[] matchOfBefore = new int[eb.size()];
        boolean[] matchedAfter = new boolean[ea.size()];
        for (int i = 0; i < eb.size(); i++) {
          matchOfBefore[i] = -1;
          for (int j = 0; j < ea.size(); j++) {
            if (!matchedAfter[j] && eb.get(i).equals(ea.get(j)) && ea.get(j).isWhollyKnown()
                && sensitive(eb.get(i)) == sensitive(ea.get(j))) {
              matchOfBefore[i] = j;
              matchedAfter[j] = true;
              break;
            }
          }
        }
        // what was there first, in order (unchanged or removed), then what is new
        for (int i = 0; i < eb.size(); i++) {
          Value a = matchOfBefore[i] >= 0 ? ea.get(matchOfBefore[i]) : null;
          out.add(labelled("", element(inner, eb.get(i), a, s, path, forced, nullArrows), forced));
        }
        for (int j = 0; j < ea.size(); j++) {
          if (!matchedAfter[j]) {
            out.add(labelled("", element(inner, null, ea.get(j), s, path, forced, nullArrows), forced));
          }
        }
      }
      case MAP -> {
        Map<String, Value> mb = bv instanceof MapValue m ? m.entries() : Map.of();
        Map<String, Value> ma = av instanceof MapValue m ? m.entries() : Map.of();
        for (String k : union(mb, ma)) {
          Path p = path.index(Value.string(k));
          out.add(labelled(" " + GoQuote.quote(k), element(inner, mb.get(k), ma.get(k), s, p, forced, nullArrows),
              forced || replacePaths.contains(p)));
        }
      }
      default -> throw new IllegalStateException("nesting " + nb.nesting());
    }
    return out;
  }

  /** One nested block's diff with its label ({@code  "key"} for a map block) and its warnings. */
  private record Labelled(String label, ValueDiff.Rendered rendered, boolean replace, List<String> warnings) {}

  private static Labelled labelled(String label, ValueDiff.Rendered r, boolean replace) {
    return new Labelled(label, r, replace, List.of());
  }

  /** Terraform's body of a block whose contents are (or were) sensitive, its symbol at column {@code s}. */
  private String sensitiveBlock(int s, boolean replace) {
    String prefix = ValueDiff.indent(s + 2);
    return "{" + forces(replace) + "\n" + prefix + "  # At least one attribute in this block is (or was) sensitive,\n"
        + prefix + "  # so its contents will not be displayed.\n" + prefix + "}";
  }

  private List<String> sensitivityWarning(boolean wasSensitive, int s) {
    String warning = "# " + style.yellow("Warning") + ": ";
    return wasSensitive
        ? List.of(ValueDiff.indent(s) + warning + "this block will no longer be marked as sensitive",
            ValueDiff.indent(s) + "# after applying this change.")
        : List.of(ValueDiff.indent(s) + warning + "this block will be marked as sensitive and will not",
            ValueDiff.indent(s) + "# display in UI output after applying this change.");
  }

  private String forces(boolean replace) {
    return replace ? " " + style.red("# forces replacement") : "";
  }

  /**
   * Whether a block collection is sensitive as a whole: marked itself, or, for a set, holding a
   * sensitive value anywhere (a set cannot hold marked elements, so their marks are the set's).
   */
  private static boolean collectionSensitive(NestedBlock nb, Value v) {
    if (v == null) {
      return false;
    }
    if (nb.nesting() == NestedBlock.Nesting.SINGLE) {
      return false; // the block's own check covers it
    }
    return v.isSensitive() || (nb.nesting() == NestedBlock.Nesting.SET && ValueMarks.deepMarks(v).isSensitive());
  }

  private static boolean sensitive(Value v) {
    return v != null && v.isSensitive();
  }

  private static DiffKind simpleKind(Value b, Value a) {
    boolean bNull = ValueDiff.absent(b);
    boolean aNull = ValueDiff.absent(a);
    return bNull && aNull ? DiffKind.NO_OP : bNull ? DiffKind.CREATE : aNull ? DiffKind.DELETE
        : b.equals(a) ? DiffKind.NO_OP : DiffKind.UPDATE;
  }

  /** Terraform's CompareActions: an unchanged child leaves the kind, any other child unlike it makes an update. */
  private static DiffKind compare(DiffKind current, DiffKind next) {
    if (next == DiffKind.NO_OP) {
      return current;
    }
    return current == next ? current : DiffKind.UPDATE;
  }

  private static List<Value> known(Value v) {
    return v == null || v instanceof UnknownValue || v.isNull() ? List.of() : ValueDiff.elements(v);
  }

  private static TreeSet<String> union(Map<String, Value> a, Map<String, Value> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
