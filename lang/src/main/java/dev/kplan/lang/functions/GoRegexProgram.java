package dev.kplan.lang.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A parsed Go regular expression compiled, as Go's {@code regexp/syntax} compiles it, to a
 * program run by a Pike VM (Go's {@code regexp} NFA): linear time in the input, leftmost-first
 * matches, and Go's capture results, including loops whose body can match the empty string.
 */
final class GoRegexProgram {

  /** The syntax tree the parser builds (Go's {@code syntax.Regexp} after parsing). */
  sealed interface Node {}

  /** One code point; with {@code fold}, any code point of its simple case-folding orbit. */
  record Literal(int cp, boolean fold) implements Node {}

  /** A set of code points, decided by a predicate. */
  record CharSet(IntPredicate member) implements Node {}

  /** {@code .}: any code point, or any but newline. */
  record AnyChar(boolean newline) implements Node {}

  /** A zero-width assertion. */
  record Assert(Empty kind) implements Node {}

  record Concat(List<Node> subs) implements Node {}

  record Alternate(List<Node> subs) implements Node {}

  /** A capture group; {@code index} counts from 1. */
  record Capture(int index, Node sub) implements Node {}

  /** {@code *}, {@code +}, {@code ?} or {@code {min,max}} ({@code max} -1 for no limit). */
  record Repeat(Op op, Node sub, int min, int max, boolean greedy) implements Node {}

  enum Op { STAR, PLUS, QUEST, REPEAT }

  enum Empty { BEGIN_LINE, END_LINE, BEGIN_TEXT, END_TEXT, WORD_BOUNDARY, NO_WORD_BOUNDARY }

  static final Node EMPTY_MATCH = new Concat(List.of());

  // ---- simplification (Go's Regexp.Simplify): counted repetitions become copies

  static Node simplify(Node n) {
    if (n instanceof Concat c) {
      return new Concat(c.subs().stream().map(GoRegexProgram::simplify).toList());
    } else if (n instanceof Alternate a) {
      return new Alternate(a.subs().stream().map(GoRegexProgram::simplify).toList());
    } else if (n instanceof Capture c) {
      return new Capture(c.index(), simplify(c.sub()));
    } else if (n instanceof Repeat r) {
      Node sub = simplify(r.sub());
      if (r.op() != Op.REPEAT) {
        return simplify1(r.op(), r.greedy(), sub);
      }
      if (r.min() == 0 && r.max() == 0) {
        return EMPTY_MATCH;
      }
      if (r.max() == -1) {
        if (r.min() == 0) {
          return simplify1(Op.STAR, r.greedy(), sub);
        }
        if (r.min() == 1) {
          return simplify1(Op.PLUS, r.greedy(), sub);
        }
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < r.min() - 1; i++) {
          parts.add(sub);
        }
        parts.add(simplify1(Op.PLUS, r.greedy(), sub));
        return new Concat(parts);
      }
      if (r.min() == 1 && r.max() == 1) {
        return sub;
      }
      List<Node> prefix = new ArrayList<>();
      for (int i = 0; i < r.min(); i++) {
        prefix.add(sub);
      }
      if (r.max() > r.min()) {
        Node suffix = simplify1(Op.QUEST, r.greedy(), sub);
        for (int i = r.min() + 1; i < r.max(); i++) {
          suffix = simplify1(Op.QUEST, r.greedy(), new Concat(List.of(sub, suffix)));
        }
        prefix.add(suffix);
      }
      return prefix.size() == 1 ? prefix.get(0) : new Concat(prefix);
    }
    return n;
  }

  /** Go's simplify1: repeating the empty match is the empty match; x** with equal greed is x*. */
  private static Node simplify1(Op op, boolean greedy, Node sub) {
    if (sub instanceof Concat c && c.subs().isEmpty()) {
      return sub;
    }
    if (sub instanceof Repeat r && r.op() == op && r.greedy() == greedy) {
      return sub;
    }
    return new Repeat(op, sub, 0, 0, greedy);
  }

  // ---- instructions

  private enum Code { ALT, CAPTURE, EMPTY, MATCH, RUNE, ANY, ANY_NOT_NL, NOP }

  private static final class Inst {
    final Code code;
    int out = -1;
    int arg = -1;
    Empty empty;
    IntPredicate rune;

    Inst(Code code) {
      this.code = code;
    }
  }

  /** A compiled fragment: its entry, the dangling exits to patch, and whether it can match empty. */
  private record Frag(int start, List<int[]> exits, boolean nullable) {}

  private final List<Inst> insts = new ArrayList<>();
  private final int start;
  private final int captureSlots;

  GoRegexProgram(Node root, int groups) {
    this.captureSlots = 2 * (groups + 1);
    Frag f = compile(simplify(root));
    int match = emit(new Inst(Code.MATCH));
    patch(f.exits(), match);
    this.start = f.start();
  }

  private int emit(Inst i) {
    insts.add(i);
    return insts.size() - 1;
  }

  private void patch(List<int[]> exits, int target) {
    for (int[] e : exits) {
      Inst i = insts.get(e[0]);
      if (e[1] == 0) {
        i.out = target;
      } else {
        i.arg = target;
      }
    }
  }

  private static List<int[]> exits(int inst, int field) {
    List<int[]> l = new ArrayList<>();
    l.add(new int[] {inst, field});
    return l;
  }

  private Frag compile(Node n) {
    if (n instanceof Literal l) {
      Inst i = new Inst(Code.RUNE);
      i.rune = l.fold() ? CaseFold.matcher(l.cp()) : c -> c == l.cp();
      int at = emit(i);
      return new Frag(at, exits(at, 0), false);
    } else if (n instanceof CharSet s) {
      Inst i = new Inst(Code.RUNE);
      i.rune = s.member();
      int at = emit(i);
      return new Frag(at, exits(at, 0), false);
    } else if (n instanceof AnyChar a) {
      int at = emit(new Inst(a.newline() ? Code.ANY : Code.ANY_NOT_NL));
      return new Frag(at, exits(at, 0), false);
    } else if (n instanceof Assert a) {
      Inst i = new Inst(Code.EMPTY);
      i.empty = a.kind();
      int at = emit(i);
      return new Frag(at, exits(at, 0), true);
    } else if (n instanceof Capture c) {
      Inst open = new Inst(Code.CAPTURE);
      open.arg = 2 * c.index();
      int o = emit(open);
      Frag sub = compile(c.sub());
      open.out = sub.start();
      Inst close = new Inst(Code.CAPTURE);
      close.arg = 2 * c.index() + 1;
      int cl = emit(close);
      patch(sub.exits(), cl);
      return new Frag(o, exits(cl, 0), sub.nullable());
    } else if (n instanceof Concat c) {
      if (c.subs().isEmpty()) {
        int at = emit(new Inst(Code.NOP));
        return new Frag(at, exits(at, 0), true);
      }
      Frag f = null;
      for (Node sub : c.subs()) {
        Frag g = compile(sub);
        if (f == null) {
          f = g;
        } else {
          patch(f.exits(), g.start());
          f = new Frag(f.start(), g.exits(), f.nullable() && g.nullable());
        }
      }
      return f;
    } else if (n instanceof Alternate a) {
      Frag f = null;
      for (Node sub : a.subs()) {
        Frag g = compile(sub);
        if (f == null) {
          f = g;
        } else {
          Inst alt = new Inst(Code.ALT);
          alt.out = f.start();
          alt.arg = g.start();
          int at = emit(alt);
          List<int[]> ex = new ArrayList<>(f.exits());
          ex.addAll(g.exits());
          f = new Frag(at, ex, f.nullable() || g.nullable());
        }
      }
      return f;
    } else if (n instanceof Repeat r) {
      Frag sub = compile(r.sub());
      return switch (r.op()) {
        case STAR -> star(sub, r.greedy());
        case PLUS -> plus(sub, r.greedy());
        default -> quest(sub, r.greedy());
      };
    }
    throw new IllegalStateException("unexpected node " + n);
  }

  private Frag loop(Frag body, boolean greedy) {
    Inst alt = new Inst(Code.ALT);
    int at = emit(alt);
    List<int[]> out;
    if (greedy) {
      alt.out = body.start();
      out = exits(at, 1);
    } else {
      alt.arg = body.start();
      out = exits(at, 0);
    }
    patch(body.exits(), at);
    return new Frag(at, out, true);
  }

  private Frag star(Frag body, boolean greedy) {
    if (body.nullable()) {
      // as Go: (x+)? keeps the priority order right for a body that can match empty
      return quest(plus(body, greedy), greedy);
    }
    return loop(body, greedy);
  }

  private Frag plus(Frag body, boolean greedy) {
    return new Frag(body.start(), loop(body, greedy).exits(), body.nullable());
  }

  private Frag quest(Frag body, boolean greedy) {
    Inst alt = new Inst(Code.ALT);
    int at = emit(alt);
    List<int[]> out;
    if (greedy) {
      alt.out = body.start();
      out = exits(at, 1);
    } else {
      alt.arg = body.start();
      out = exits(at, 0);
    }
    out.addAll(body.exits());
    return new Frag(at, out, true);
  }

  // ---- the Pike VM

  /** Threads in priority order, at most one per instruction (Go's sparse queue). */
  private static final class Queue {
    final int[] sparse;
    final int[] pcs;
    final int[][] caps;
    int size;

    Queue(int n) {
      sparse = new int[n];
      pcs = new int[n];
      caps = new int[n][];
    }

    boolean contains(int pc) {
      int j = sparse[pc];
      return j < size && pcs[j] == pc;
    }

    int add(int pc) {
      int j = size++;
      sparse[pc] = j;
      pcs[j] = pc;
      caps[j] = null;
      return j;
    }
  }

  /**
   * The leftmost-first match in {@code s} starting at or after char index {@code from} (the text
   * before it still counts for {@code ^} and {@code \b}), as submatch index pairs, or null.
   */
  int[] match(String s, int from) {
    int n = insts.size();
    Queue run = new Queue(n);
    Queue next = new Queue(n);
    int[] matchCap = new int[captureSlots];
    Arrays.fill(matchCap, -1);
    boolean matched = false;
    int pos = from;
    while (true) {
      if (run.size == 0 && matched) {
        break;
      }
      if (!matched) {
        int[] cap = new int[captureSlots];
        Arrays.fill(cap, -1);
        cap[0] = pos;
        add(run, start, pos, cap, s);
      }
      int r = pos < s.length() ? s.codePointAt(pos) : -1;
      int width = r < 0 ? 0 : Character.charCount(r);
      int nextPos = pos + width;
      for (int j = 0; j < run.size; j++) {
        int[] cap = run.caps[j];
        if (cap == null) {
          continue;
        }
        Inst in = insts.get(run.pcs[j]);
        boolean advance;
        switch (in.code) {
          case MATCH -> {
            cap[1] = pos;
            System.arraycopy(cap, 0, matchCap, 0, captureSlots);
            matched = true;
            // leftmost-first: lower-priority threads are cut off
            j = run.size;
            advance = false;
          }
          case RUNE -> advance = r >= 0 && in.rune.test(r);
          case ANY -> advance = r >= 0;
          case ANY_NOT_NL -> advance = r >= 0 && r != '\n';
          default -> advance = false;
        }
        if (advance) {
          add(next, in.out, nextPos, cap, s);
        }
      }
      run.size = 0;
      if (width == 0) {
        break;
      }
      pos = nextPos;
      Queue t = run;
      run = next;
      next = t;
    }
    return matched ? matchCap : null;
  }

  private void add(Queue q, int pc, int pos, int[] cap, String s) {
    if (pc < 0 || q.contains(pc)) {
      return;
    }
    int j = q.add(pc);
    Inst in = insts.get(pc);
    switch (in.code) {
      case ALT -> {
        add(q, in.out, pos, cap, s);
        add(q, in.arg, pos, cap, s);
      }
      case EMPTY -> {
        if (holds(in.empty, s, pos)) {
          add(q, in.out, pos, cap, s);
        }
      }
      case NOP -> add(q, in.out, pos, cap, s);
      case CAPTURE -> {
        if (in.arg < cap.length) {
          int old = cap[in.arg];
          cap[in.arg] = pos;
          add(q, in.out, pos, cap, s);
          cap[in.arg] = old;
        } else {
          add(q, in.out, pos, cap, s);
        }
      }
      default -> q.caps[j] = cap.clone();
    }
  }

  private static boolean holds(Empty kind, String s, int pos) {
    int before = pos > 0 ? s.codePointBefore(pos) : -1;
    int after = pos < s.length() ? s.codePointAt(pos) : -1;
    return switch (kind) {
      case BEGIN_TEXT -> pos == 0;
      case END_TEXT -> pos == s.length();
      case BEGIN_LINE -> before < 0 || before == '\n';
      case END_LINE -> after < 0 || after == '\n';
      case WORD_BOUNDARY -> isWordChar(before) != isWordChar(after);
      case NO_WORD_BOUNDARY -> isWordChar(before) == isWordChar(after);
    };
  }

  static boolean isWordChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /**
   * Go's simple case folding orbits ({@code unicode.SimpleFold}), approximated from Java's case
   * mappings: code points with the same lower case of their upper case fold together, except the
   * Turkish dotted and dotless i, which Go's simple folding leaves alone.
   */
  static final class CaseFold {
    private static volatile Map<Integer, int[]> orbits;

    private CaseFold() {}

    private static int key(int c) {
      return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static Map<Integer, int[]> orbits() {
      Map<Integer, int[]> o = orbits;
      if (o == null) {
        Map<Integer, List<Integer>> byKey = new HashMap<>();
        // cased letters live in the first two planes
        for (int c = 0; c <= 0x1FFFF; c++) {
          if (c == 0x130 || c == 0x131 || (c >= 0xD800 && c <= 0xDFFF)) {
            continue;
          }
          int k = key(c);
          if (k != c || Character.toUpperCase(c) != c || Character.toTitleCase(c) != c) {
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
          }
        }
        Map<Integer, int[]> built = new HashMap<>();
        byKey.forEach((k, members) -> {
          if (!members.contains(k)) {
            members.add(k);
          }
          if (members.size() > 1) {
            int[] arr = members.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int m : arr) {
              built.put(m, arr);
            }
          }
        });
        orbits = o = built;
      }
      return o;
    }

    /** The code points that fold together with {@code c}, itself included. */
    static int[] orbit(int c) {
      int[] o = orbits().get(c);
      return o == null ? new int[] {c} : o;
    }

    static IntPredicate matcher(int cp) {
      int[] o = orbit(cp);
      if (o.length == 1) {
        return c -> c == cp;
      }
      return c -> Arrays.binarySearch(o, c) >= 0;
    }

    /** {@code set} widened to everything that folds together with one of its members. */
    static IntPredicate folded(IntPredicate set) {
      return c -> {
        if (set.test(c)) {
          return true;
        }
        for (int m : orbit(c)) {
          if (m != c && set.test(m)) {
            return true;
          }
        }
        return false;
      };
    }
  }
}
