package dev.kplan.lang.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates the expression corpus of the differential test against OpenTofu: literals, operators,
 * templates, {@code for} expressions, splats, conditionals, indexing and calls of every function
 * in scope, mostly well typed and partly ill typed (wrong argument types, wrong arity), so that
 * both values and errors are compared. jqwik arbitraries describe the shapes; they are sampled
 * with a fixed seed so the corpus is the same on every machine. The corpus is generated once into
 * {@code src/test/resources/differential/corpus.txt} (see {@link DifferentialCorpusTest}).
 */
public final class DifferentialCorpus {
  public static final long SEED = 20261125L;
  private static final int GEN_SIZE = 100;

  private DifferentialCorpus() {}

  /** The corpus: distinct single-line expressions in a stable order. */
  public static List<String> generate() {
    Random random = new Random(SEED);
    Set<String> out = new LinkedHashSet<>();
    for (Section section : sections()) {
      int produced = 0;
      int attempts = 0;
      while (produced < section.count() && attempts < section.count() * 20) {
        attempts++;
        String expr = section.arbitrary().generator(GEN_SIZE).next(random).value();
        if (expr.indexOf('\n') < 0 && out.add(expr)) {
          produced++;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private record Section(String name, int count, Arbitrary<String> arbitrary) {}

  // ---------------------------------------------------------------- literals

  static Arbitrary<String> strings() {
    return Arbitraries.of(
        "\"\"", "\"a\"", "\"abc\"", "\"hello\"", "\"Hello World\"", "\"  padded  \"", "\"a,b,c\"",
        "\"x-y-z\"", "\"ünïcödé\"", "\"line\\nbreak\"", "\"tab\\tsep\"", "\"MiXeD cAsE\"", "\"123\"",
        "\"-4.5\"", "\"true\"", "\"false\"", "\"foo.bar\"", "\"a b  c\"", "\"hello\\n\"", "\"\\n\\n\"",
        "\"%\"", "\"100%\"", "\"$${x}\"", "\"é\"", "\"日本語\"", "\"a/b?c=d&e\"", "\"0x1F\"", "\"  \"",
        "\"abcabc\"", "\"ABC\"", "\"a\\\"q\\\"b\"", "\"back\\\\slash\"", "\"<tag>&amp;\"");
  }

  static Arbitrary<String> numbers() {
    return Arbitraries.of(
        "0", "1", "-1", "2", "3", "5", "7", "10", "42", "100", "1.5", "-2.5", "0.1", "0.25", "1e3", "2e-2",
        "12345678901234567890", "-0", "3.14159", "255", "-100", "0.5", "1000000", "9007199254740993");
  }

  static Arbitrary<String> smallInts() {
    return Arbitraries.integers().between(-3, 8).map(String::valueOf);
  }

  static Arbitrary<String> bools() {
    return Arbitraries.of("true", "false");
  }

  static Arbitrary<String> primitives() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, strings()),
        net.jqwik.api.Tuple.of(3, numbers()),
        net.jqwik.api.Tuple.of(2, bools()),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("null")));
  }

  static Arbitrary<String> seqOf(Arbitrary<String> elem, int min, int max) {
    return elem.list().ofMinSize(min).ofMaxSize(max).map(l -> "[" + String.join(", ", l) + "]");
  }

  static Arbitrary<String> stringList() {
    return seqOf(strings(), 0, 4);
  }

  static Arbitrary<String> numberList() {
    return seqOf(numbers(), 0, 4);
  }

  static Arbitrary<String> boolList() {
    return seqOf(bools(), 0, 4);
  }

  static Arbitrary<String> keys() {
    return Arbitraries.of("a", "b", "c", "name", "key", "x", "id", "zone");
  }

  static Arbitrary<String> objectOf(Arbitrary<String> valueArb) {
    return Combinators.combine(keys(), valueArb)
        .as((k, v) -> k + " = " + v)
        .list()
        .ofMinSize(0)
        .ofMaxSize(3)
        .uniqueElements(e -> e.substring(0, e.indexOf(' ')))
        .map(l -> "{" + String.join(", ", l) + "}");
  }

  static Arbitrary<String> stringMap() {
    return objectOf(strings());
  }

  static Arbitrary<String> numberMap() {
    return objectOf(numbers());
  }

  static Arbitrary<String> mixedObject() {
    return objectOf(primitives());
  }

  static Arbitrary<String> mixedTuple() {
    return seqOf(primitives(), 0, 4);
  }

  static Arbitrary<String> nested() {
    return Arbitraries.oneOf(
        seqOf(stringList(), 0, 3),
        seqOf(numberList(), 0, 3),
        seqOf(mixedObject(), 0, 3),
        objectOf(stringList()),
        objectOf(mixedObject()),
        seqOf(seqOf(mixedTuple(), 0, 2), 0, 2));
  }

  static Arbitrary<String> conversions(Arbitrary<String> inner) {
    return Combinators.combine(Arbitraries.of("tolist", "toset", "tomap", "tostring", "tonumber", "tobool"), inner)
        .as((f, v) -> f + "(" + v + ")");
  }

  /** Any value-producing literal, of any shape. */
  static Arbitrary<String> anyValue() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, primitives()),
        net.jqwik.api.Tuple.of(2, stringList()),
        net.jqwik.api.Tuple.of(2, numberList()),
        net.jqwik.api.Tuple.of(1, boolList()),
        net.jqwik.api.Tuple.of(2, mixedTuple()),
        net.jqwik.api.Tuple.of(2, stringMap()),
        net.jqwik.api.Tuple.of(2, mixedObject()),
        net.jqwik.api.Tuple.of(1, nested()),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("toset([\"a\", \"b\"])", "tomap({a = 1})", "tolist([1, 2])")));
  }

  // ---------------------------------------------------------------- functions

  /** One function: its name and a generator of well-typed argument lists. */
  private record Fn(String name, Arbitrary<List<String>> wellTyped) {}

  @SafeVarargs
  private static Arbitrary<List<String>> args(Arbitrary<String>... params) {
    Arbitrary<List<String>> acc = Arbitraries.just(List.of());
    for (Arbitrary<String> p : params) {
      acc = Combinators.combine(acc, p).as((l, v) -> {
        List<String> n = new ArrayList<>(l);
        n.add(v);
        return List.copyOf(n);
      });
    }
    return acc;
  }

  private static Arbitrary<List<String>> variadic(Arbitrary<String> each, int min, int max) {
    return each.list().ofMinSize(min).ofMaxSize(max).map(List::copyOf);
  }

  private static Fn fn(String name, Arbitrary<List<String>> wellTyped) {
    return new Fn(name, wellTyped);
  }

  static Arbitrary<String> regexes() {
    return Arbitraries.of(
        "\"[a-z]+\"", "\"\\\\d+\"", "\"(\\\\w+)-(\\\\w+)\"", "\"^a\"", "\"(?P<first>\\\\w)(?P<rest>\\\\w*)\"", "\"b|c\"",
        "\"[0-9]{2,}\"", "\"(\"", "\"\"", "\".\"", "\"(?i)HELLO\"", "\"x*\"");
  }

  static Arbitrary<String> cidrs() {
    return Arbitraries.of(
        "\"10.0.0.0/8\"", "\"10.1.2.0/24\"", "\"192.168.0.0/16\"", "\"172.16.0.0/12\"", "\"10.0.0.0/30\"",
        "\"fd00:fd12:3456:7890::/56\"", "\"2001:db8::/32\"", "\"0.0.0.0/0\"", "\"10.0.0.0\"", "\"not-a-cidr\"",
        "\"10.0.0.0/33\"");
  }

  static Arbitrary<String> jsonTexts() {
    return Arbitraries.of(
        "\"{\\\"a\\\": 1}\"", "\"[1, 2, 3]\"", "\"\\\"str\\\"\"", "\"true\"", "\"null\"", "\"1.5\"",
        "\"{\\\"a\\\": [1, {\\\"b\\\": null}]}\"", "\"{bad\"", "\"\"", "\"[]\"", "\"{}\"", "\"12345678901234567890\"");
  }

  static Arbitrary<String> yamlTexts() {
    return Arbitraries.of(
        "\"a: 1\"", "\"- a\\n- b\"", "\"hello\"", "\"true\"", "\"~\"", "\"a: [1, 2]\\nb: {c: d}\"", "\"1.5\"",
        "\"'quoted'\"", "\"key: value\\nother: 2\"", "\"[1, 2\"", "\"a: &x 1\\nb: *x\"", "\"yes\"", "\"0x10\"",
        "\"\"", "\"---\\na: 1\"");
  }

  static Arbitrary<String> base64Texts() {
    return Arbitraries.of(
        "\"aGVsbG8=\"", "\"SGVsbG8gV29ybGQ=\"", "\"\"", "\"not base64!\"", "\"YQ==\"", "\"YWJj\"", "\"4pyT\"");
  }

  static Arbitrary<String> formatSpecs() {
    return Arbitraries.of(
        "\"%s\"", "\"%d\"", "\"Hello, %s!\"", "\"%05d\"", "\"%.2f\"", "\"%x\"", "\"%q\"", "\"%v and %v\"", "\"%%\"",
        "\"%t\"", "\"%-5s|\"", "\"%8.3f\"", "\"%b\"", "\"%o\"", "\"%X\"", "\"%e\"", "\"%[2]s %[1]s\"", "\"%#v\"",
        "\"%s %s\"", "\"no verbs\"");
  }

  static Arbitrary<String> uuids() {
    return Arbitraries.of("\"dns\"", "\"url\"", "\"oid\"", "\"x500\"", "\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\"", "\"bad\"");
  }

  static Arbitrary<String> bases() {
    return Arbitraries.of("2", "8", "10", "16", "36", "1", "37");
  }

  static Arbitrary<String> intStrings() {
    return Arbitraries.of("\"100\"", "\"FF\"", "\"ff\"", "\"-1010\"", "\"zz\"", "\"12.5\"", "\"\"", "\"0\"", "\"777\"");
  }

  /** Format strings with arguments that fit their verbs. */
  static Arbitrary<List<String>> matchedFormats() {
    return Arbitraries.oneOf(
        strings().map(a -> List.of("\"Hello, %s!\"", a)),
        numbers().map(a -> List.of("\"%d\"", a)),
        numbers().map(a -> List.of("\"%.2f\"", a)),
        numbers().map(a -> List.of("\"%05d\"", a)),
        numbers().map(a -> List.of("\"%x\"", a)),
        numbers().map(a -> List.of("\"%e\"", a)),
        primitives().map(a -> List.of("\"%v\"", a)),
        primitives().map(a -> List.of("\"%q\"", a)),
        bools().map(a -> List.of("\"%t\"", a)),
        Combinators.combine(strings(), strings()).as((a, b) -> List.of("\"%[2]s %[1]s\"", a, b)),
        Combinators.combine(strings(), numbers()).as((a, b) -> List.of("\"%-5s|%8.3f\"", a, b)),
        anyValue().map(a -> List.of("\"%#v\"", a)));
  }

  static Arbitrary<List<String>> matchedFormatLists() {
    return Arbitraries.oneOf(
        stringList().map(a -> List.of("\"Hello, %s!\"", a)),
        Combinators.combine(stringList(), strings()).as((a, b) -> List.of("\"%s=%s\"", a, b)),
        numberList().map(a -> List.of("\"%d\"", a)),
        Arbitraries.integers().between(0, 3).flatMap(k -> Combinators.combine(seqOf(strings(), k, k), seqOf(numbers(), k, k))
            .as((a, b) -> List.of("\"%s:%v\"", a, b))));
  }

  /** Two sequences of the same length. */
  static Arbitrary<List<String>> sameLength(Arbitrary<String> first, Arbitrary<String> second) {
    return Arbitraries.integers().between(0, 4).flatMap(k -> Combinators.combine(seqOf(first, k, k), seqOf(second, k, k))
        .as((a, b) -> List.of(a, b)));
  }

  static Arbitrary<List<String>> matchedKeys() {
    return Arbitraries.integers().between(0, 4).flatMap(k -> Combinators.combine(seqOf(strings(), k, k), seqOf(keys().map(x -> "\"" + x + "\""), k, k), seqOf(keys().map(x -> "\"" + x + "\""), 0, 3))
        .as((a, b, c) -> List.of(a, b, c)));
  }

  /** A list and indices within it. */
  static Arbitrary<List<String>> validSlices() {
    return Arbitraries.integers().between(0, 4).flatMap(k -> Combinators.combine(
            seqOf(primitives(), k, k), Arbitraries.integers().between(0, k), Arbitraries.integers().between(0, k))
        .as((l, a, b) -> List.of(l, String.valueOf(Math.min(a, b)), String.valueOf(Math.max(a, b)))));
  }

  /** A list and one of its elements. */
  static Arbitrary<List<String>> memberOf() {
    return Arbitraries.integers().between(1, 4).flatMap(k -> Combinators.combine(
            Arbitraries.oneOf(strings(), numbers()).list().ofSize(k), Arbitraries.integers().between(0, k - 1))
        .as((l, at) -> List.of("[" + String.join(", ", l) + "]", l.get(at))));
  }

  static List<Fn> functions() {
    Arbitrary<String> s = strings();
    Arbitrary<String> n = numbers();
    Arbitrary<String> i = smallInts();
    Arbitrary<String> ls = stringList();
    Arbitrary<String> ln = numberList();
    Arbitrary<String> lb = boolList();
    Arbitrary<String> ms = stringMap();
    Arbitrary<String> obj = mixedObject();
    Arbitrary<String> any = anyValue();
    Arbitrary<String> listOfLists = Arbitraries.oneOf(seqOf(ls, 0, 3), seqOf(ln, 0, 3));
    Arbitrary<String> sets = Arbitraries.oneOf(ls.map(x -> "toset(" + x + ")"), ln.map(x -> "toset(" + x + ")"), ls, ln);
    Arbitrary<String> mapOfLists = objectOf(ls);
    return List.of(
        fn("length", args(Arbitraries.oneOf(s, ls, ms, obj, sets))),
        fn("lower", args(s)),
        fn("upper", args(s)),
        fn("title", args(s)),
        fn("chomp", args(s)),
        fn("indent", args(i, s)),
        fn("format", Arbitraries.oneOf(matchedFormats(), Combinators.combine(formatSpecs(), variadic(primitives(), 0, 3)).as((f, r) -> prepend(f, r)))),
        fn("formatlist", Arbitraries.oneOf(matchedFormatLists(), Combinators.combine(formatSpecs(), variadic(Arbitraries.oneOf(s, ls), 1, 2)).as((f, r) -> prepend(f, r)))),
        fn("join", Combinators.combine(s, variadic(ls, 1, 2)).as((f, r) -> prepend(f, r))),
        fn("split", args(Arbitraries.of("\",\"", "\" \"", "\"\"", "\"-\"", "\"b\""), s)),
        fn("replace", args(s, Arbitraries.oneOf(Arbitraries.of("\"a\"", "\"l\"", "\" \"", "\"/[a-z]/\"", "\"/(\\\\w)(\\\\w)/\"", "\"\""), s), Arbitraries.of("\"X\"", "\"\"", "\"$1\"", "\"-\""))),
        fn("substr", args(s, i, i)),
        fn("trimspace", args(s)),
        fn("trim", args(s, Arbitraries.of("\" \"", "\"a\"", "\"ab\"", "\"!?\"", "\"\""))),
        fn("trimprefix", args(s, s)),
        fn("trimsuffix", args(s, s)),
        fn("startswith", args(s, s)),
        fn("endswith", args(s, s)),
        fn("strcontains", args(s, s)),
        fn("strrev", args(s)),
        fn("regex", args(regexes(), s)),
        fn("regexall", args(regexes(), s)),
        fn("concat", variadic(Arbitraries.oneOf(ls, ln, mixedTuple()), 0, 3)),
        fn("merge", variadic(Arbitraries.oneOf(ms, obj, numberMap(), Arbitraries.just("null")), 0, 3)),
        fn("lookup", Combinators.combine(Arbitraries.oneOf(ms, obj), keys().map(k -> "\"" + k + "\""), variadic(primitives(), 0, 1)).as((m, k, d) -> prepend(m, prepend(k, d)))),
        fn("keys", args(Arbitraries.oneOf(ms, obj))),
        fn("values", args(Arbitraries.oneOf(ms, obj, numberMap()))),
        fn("contains", args(Arbitraries.oneOf(ls, ln, sets, mixedTuple()), primitives())),
        fn("element", args(Arbitraries.oneOf(ls, ln, mixedTuple()), i)),
        fn("index", Arbitraries.oneOf(memberOf(), args(Arbitraries.oneOf(ls, ln, mixedTuple()), primitives()))),
        fn("flatten", args(Arbitraries.oneOf(listOfLists, nested(), ls, seqOf(listOfLists, 0, 2)))),
        fn("distinct", args(Arbitraries.oneOf(ls, ln, mixedTuple()))),
        fn("coalesce", variadic(primitives(), 0, 4)),
        fn("coalescelist", variadic(Arbitraries.oneOf(ls, ln, Arbitraries.just("[]")), 0, 3)),
        fn("compact", args(Arbitraries.oneOf(ls, seqOf(Arbitraries.oneOf(s, Arbitraries.just("null")), 0, 4)))),
        fn("range", variadic(Arbitraries.oneOf(i, Arbitraries.of("0.5", "-1", "10", "2.5")), 1, 3)),
        fn("zipmap", Arbitraries.oneOf(sameLength(strings(), Arbitraries.oneOf(strings(), numbers(), primitives())), args(ls, Arbitraries.oneOf(ls, ln, mixedTuple())))),
        fn("slice", Arbitraries.oneOf(validSlices(), args(Arbitraries.oneOf(ls, ln, mixedTuple()), i, i))),
        fn("sort", args(Arbitraries.oneOf(ls, ln, sets))),
        fn("reverse", args(Arbitraries.oneOf(ls, ln, mixedTuple()))),
        fn("min", variadic(n, 0, 4)),
        fn("max", variadic(n, 0, 4)),
        fn("abs", args(n)),
        fn("ceil", args(n)),
        fn("floor", args(n)),
        fn("pow", args(n, i)),
        fn("log", args(Arbitraries.of("1", "8", "16", "100", "0", "-1", "2.5", "1000"), Arbitraries.of("2", "10", "16", "1", "0"))),
        fn("signum", args(Arbitraries.oneOf(i, n))),
        fn("parseint", args(intStrings(), bases())),
        fn("sum", args(Arbitraries.oneOf(seqOf(n, 1, 4), seqOf(n, 1, 4), ln, ls, sets, seqOf(n, 1, 3).map(x -> "toset(" + x + ")")))),
        fn("alltrue", args(Arbitraries.oneOf(lb, ls, Arbitraries.of("[\"true\", false]", "[]")))),
        fn("anytrue", args(Arbitraries.oneOf(lb, ls, Arbitraries.of("[\"true\", false]", "[]")))),
        fn("one", args(Arbitraries.oneOf(Arbitraries.of("[]", "[1]", "[\"a\"]", "[1, 2]", "toset([])", "toset([\"x\"])", "[null]", "tolist([])"), ls))),
        fn("setunion", variadic(sets, 1, 3)),
        fn("setintersection", variadic(sets, 1, 3)),
        fn("setsubtract", args(sets, sets)),
        fn("setproduct", variadic(Arbitraries.oneOf(ls, ln, sets), 1, 3)),
        fn("chunklist", args(Arbitraries.oneOf(ls, ln, mixedTuple()), Arbitraries.of("0", "1", "2", "3", "-1"))),
        fn("transpose", args(mapOfLists)),
        fn("matchkeys", Arbitraries.oneOf(matchedKeys(), args(Arbitraries.oneOf(ls, ln), Arbitraries.oneOf(ls, ln), Arbitraries.oneOf(ls, ln)))),
        fn("tostring", args(Arbitraries.oneOf(primitives(), ls))),
        fn("tonumber", args(Arbitraries.oneOf(primitives(), intStrings()))),
        fn("tobool", args(Arbitraries.oneOf(primitives(), Arbitraries.of("\"true\"", "\"false\"", "\"yes\"")))),
        fn("tolist", args(Arbitraries.oneOf(ls, ln, mixedTuple(), sets, obj))),
        fn("toset", args(Arbitraries.oneOf(ls, ln, mixedTuple(), obj))),
        fn("tomap", args(Arbitraries.oneOf(ms, obj, numberMap(), objectOf(ls), ls))),
        fn("jsonencode", args(any)),
        fn("jsondecode", args(jsonTexts())),
        fn("yamlencode", args(any)),
        fn("yamldecode", args(yamlTexts())),
        fn("base64encode", args(s)),
        fn("base64decode", args(base64Texts())),
        fn("urlencode", args(s)),
        fn("sha1", args(s)),
        fn("sha256", args(s)),
        fn("sha512", args(s)),
        fn("md5", args(s)),
        fn("uuidv5", args(uuids(), s)),
        fn("cidrsubnet", Arbitraries.oneOf(
            args(Arbitraries.of("\"10.0.0.0/8\"", "\"172.16.0.0/12\"", "\"10.1.0.0/16\"", "\"fd00:fd12:3456:7890::/56\""), Arbitraries.of("4", "8"), Arbitraries.of("0", "1", "2", "15")),
            args(cidrs(), Arbitraries.of("0", "1", "4", "8", "16", "30"), Arbitraries.of("0", "1", "2", "15", "255", "-1", "300")))),
        fn("cidrsubnets", Combinators.combine(cidrs(), variadic(Arbitraries.of("1", "2", "4", "8", "0"), 0, 4)).as((c, r) -> prepend(c, r))),
        fn("cidrhost", args(cidrs(), Arbitraries.of("0", "1", "5", "-1", "255", "256", "16777216"))),
        fn("cidrnetmask", args(cidrs())),
        fn("sensitive", args(any)),
        fn("nonsensitive", args(Arbitraries.oneOf(any.map(v -> "sensitive(" + v + ")"), primitives()))),
        fn("issensitive", args(Arbitraries.oneOf(any.map(v -> "sensitive(" + v + ")"), any))));
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return List.copyOf(all);
  }

  private static String call(String name, List<String> args) {
    return name + "(" + String.join(", ", args) + ")";
  }

  /** Well-typed calls, and ill-typed ones: one argument replaced by a value of any shape, or an argument dropped/added. */
  static Arbitrary<String> callsOf(Fn f) {
    Arbitrary<String> good = f.wellTyped().map(a -> call(f.name(), a));
    Arbitrary<String> swapped =
        Combinators.combine(f.wellTyped(), anyValue(), Arbitraries.integers().between(0, 7))
            .as((a, v, at) -> {
              if (a.isEmpty()) {
                return call(f.name(), List.of(v));
              }
              List<String> b = new ArrayList<>(a);
              b.set(at % b.size(), v);
              return call(f.name(), b);
            });
    Arbitrary<String> arity =
        Combinators.combine(f.wellTyped(), anyValue(), bools())
            .as((a, v, drop) -> {
              List<String> b = new ArrayList<>(a);
              if (drop.equals("true") && !b.isEmpty()) {
                b.remove(b.size() - 1);
              } else {
                b.add(v);
              }
              return call(f.name(), b);
            });
    Arbitrary<String> nulls =
        f.wellTyped().map(a -> {
          if (a.isEmpty()) {
            return call(f.name(), List.of("null"));
          }
          List<String> b = new ArrayList<>(a);
          b.set(0, "null");
          return call(f.name(), b);
        });
    Arbitrary<String> sensitiveArg =
        f.wellTyped().map(a -> {
          if (a.isEmpty()) {
            return call(f.name(), a);
          }
          List<String> b = new ArrayList<>(a);
          b.set(0, "sensitive(" + b.get(0) + ")");
          return call(f.name(), b);
        });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, good),
        net.jqwik.api.Tuple.of(3, swapped),
        net.jqwik.api.Tuple.of(2, arity),
        net.jqwik.api.Tuple.of(1, nulls),
        net.jqwik.api.Tuple.of(1, sensitiveArg));
  }

  // ---------------------------------------------------------------- language constructs

  static Arbitrary<String> arithmetic() {
    Arbitrary<String> operand = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, numbers()),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("\"5\"", "\"x\"", "true", "null", "[1]")));
    return Combinators.combine(operand, Arbitraries.of("+", "-", "*", "/", "%"), operand, Arbitraries.of("+", "-", "*", "/", "%", ""), numbers())
        .as((a, op, b, op2, c) -> op2.isEmpty() ? a + " " + op + " " + b : a + " " + op + " " + b + " " + op2 + " " + c);
  }

  static Arbitrary<String> comparisons() {
    Arbitrary<String> numOps = Combinators.combine(numbers(), Arbitraries.of("<", "<=", ">", ">="), Arbitraries.oneOf(numbers(), Arbitraries.of("\"3\"", "\"a\"", "true")))
        .as((a, op, b) -> a + " " + op + " " + b);
    Arbitrary<String> eq = Combinators.combine(anyValue(), Arbitraries.of("==", "!="), anyValue()).as((a, op, b) -> a + " " + op + " " + b);
    Arbitrary<String> logic = Combinators.combine(Arbitraries.oneOf(bools(), Arbitraries.of("\"true\"", "null", "1")), Arbitraries.of("&&", "||"), bools())
        .as((a, op, b) -> a + " " + op + " " + b);
    Arbitrary<String> unary = Arbitraries.oneOf(
        Arbitraries.oneOf(bools(), Arbitraries.of("\"false\"", "1")).map(b -> "!" + b),
        Arbitraries.oneOf(numbers(), Arbitraries.of("\"2\"", "true")).map(x -> "-" + x));
    return Arbitraries.oneOf(numOps, eq, eq, logic, unary);
  }

  static Arbitrary<String> conditionals() {
    Arbitrary<String> cond = Arbitraries.oneOf(bools(), Arbitraries.of("\"true\"", "null", "1", "1 < 2"));
    Arbitrary<String> anyPair = Combinators.combine(cond, anyValue(), anyValue()).as((c, a, b) -> c + " ? " + a + " : " + b);
    Arbitrary<String> samePair = Arbitraries.of(0, 1, 2, 3, 4).flatMap(k -> {
      Arbitrary<String> kind = List.of(strings(), numbers(), stringList(), stringMap(), primitives()).get(k);
      return Combinators.combine(cond, kind, kind).as((c, a, b) -> c + " ? " + a + " : " + b);
    });
    return Arbitraries.oneOf(anyPair, samePair, samePair);
  }

  static Arbitrary<String> templates() {
    Arbitrary<String> interp = Arbitraries.oneOf(primitives(), arithmetic(), Arbitraries.of("[1]", "{a = 1}", "upper(\"x\")"));
    Arbitrary<String> simple = Combinators.combine(Arbitraries.of("", "a", "x = ", "pre-"), interp, Arbitraries.of("", "b", " post", "!"))
        .as((pre, e, post) -> "\"" + pre + "${" + e + "}" + post + "\"");
    Arbitrary<String> ifs = Combinators.combine(Arbitraries.oneOf(bools(), Arbitraries.of("1 > 2", "\"true\"", "null", "\"x\"")), Arbitraries.of("yes", "${1 + 1}", ""), Arbitraries.of("no", "", "${\"n\"}"), bools())
        .as((c, a, b, hasElse) -> hasElse.equals("true")
            ? "\"%{ if " + c + " }" + a + "%{ else }" + b + "%{ endif }\""
            : "\"%{ if " + c + " }" + a + "%{ endif }\"");
    Arbitrary<String> fors = Combinators.combine(Arbitraries.oneOf(stringList(), numberList(), stringMap(), Arbitraries.of("\"abc\"", "null", "toset([\"b\", \"a\"])")), Arbitraries.of("${x},", "[${x}]", "${x}"), Arbitraries.of("", "~"))
        .as((coll, body, strip) -> "\"%{ for x in " + coll + " " + strip + "}" + body + "%{ endfor }\"");
    Arbitrary<String> forKv = Combinators.combine(Arbitraries.oneOf(stringMap(), stringList()), Arbitraries.of("${k}=${v};", "${k}:${v} "))
        .as((coll, body) -> "\"%{ for k, v in " + coll + " }" + body + "%{ endfor }\"");
    Arbitrary<String> escapes = Arbitraries.of("\"$${a}\"", "\"%%{b}\"", "\"a$b\"", "\"100%\"", "\"${\"nested ${1}\"}\"", "\"${true}\"", "\"${null}\"", "\"x${[1][0]}y\"");
    return Arbitraries.oneOf(simple, simple, ifs, fors, forKv, escapes);
  }

  static Arbitrary<String> forExpressions() {
    Arbitrary<String> coll = Arbitraries.oneOf(stringList(), numberList(), stringMap(), mixedObject(), mixedTuple(),
        Arbitraries.of("toset([\"b\", \"a\", \"c\"])", "null", "\"str\"", "5", "tomap({x = 1, y = 2})"));
    Arbitrary<String> body = Arbitraries.of("v", "upper(v)", "v == null", "[v]", "\"${v}!\"", "k", "length(v)", "v * 2", "{ val = v }");
    Arbitrary<String> cond = Arbitraries.of("", " if v != null", " if k != \"a\"", " if true", " if v", " if length(\"${v}\") > 1", " if null");
    Arbitrary<String> tuple = Combinators.combine(coll, body, cond, bools())
        .as((c, b, f, twoVars) -> twoVars.equals("true")
            ? "[for k, v in " + c + " : " + b + f + "]"
            : "[for v in " + c + " : " + b.replace("k", "v") + f.replace("k", "v") + "]");
    Arbitrary<String> object = Combinators.combine(coll, Arbitraries.of("k", "\"${v}\"", "tostring(v)", "upper(k)", "\"fixed\""), body, cond, Arbitraries.of("", "..."))
        .as((c, key, b, f, group) -> "{for k, v in " + c + " : " + key + " => " + b + group + f + "}");
    return Arbitraries.oneOf(tuple, tuple, object);
  }

  static Arbitrary<String> splatsAndIndexes() {
    Arbitrary<String> objs = seqOf(Combinators.combine(primitives(), primitives()).as((a, b) -> "{a = " + a + ", b = " + b + "}"), 0, 3);
    Arbitrary<String> splat = Combinators.combine(Arbitraries.oneOf(objs, Arbitraries.of("null", "{a = 1}", "\"x\"", "toset([{a = 1}])", "tolist([{a = [1, 2]}])")), Arbitraries.of("[*].a", ".*.a", "[*].b", "[*]", "[*].c", "[*].a[0]"))
        .as((c, s) -> c + s);
    Arbitrary<String> index = Combinators.combine(Arbitraries.oneOf(stringList(), numberList(), mixedTuple(), stringMap(), mixedObject(), Arbitraries.of("\"str\"", "null", "toset([1])")), Arbitraries.of("[0]", "[1]", "[-1]", "[\"a\"]", "[\"name\"]", ".a", ".0", "[\"0\"]", "[1.5]", "[true]", "[null]"))
        .as((c, ix) -> c + ix);
    Arbitrary<String> legacy = Arbitraries.of("[[1, 2], [3]].0", "[[1, 2], [3]][1][0]", "{a = {b = 2}}.a.b", "{a = [1, 2]}[\"a\"][1]", "[{a = 1}, {a = 2}].*.a[1]");
    return Arbitraries.oneOf(splat, splat, index, index, legacy);
  }

  static Arbitrary<String> tryCan() {
    Arbitrary<String> risky = Arbitraries.oneOf(
        Arbitraries.of("[1][3]", "{a = 1}.b", "tonumber(\"x\")", "1 + \"a\"", "jsondecode(\"{\")", "element([], 0)", "{a = 1}[\"a\"]", "[1, 2][0]", "regex(\"x\", \"y\")", "null.a", "local.missing", "tostring([])", "1 / 0"),
        comparisons(), arithmetic());
    Arbitrary<String> tries = Combinators.combine(risky, Arbitraries.oneOf(primitives(), Arbitraries.of("[]", "{}")), Arbitraries.of("", ", \"third\""))
        .as((r, fb, more) -> "try(" + r + ", " + fb + more + ")");
    Arbitrary<String> cans = risky.map(r -> "can(" + r + ")");
    Arbitrary<String> bad = Arbitraries.of("try()", "can()", "can(1, 2)", "try(sensitive(1), 2)", "try(null)", "can(sensitive([1][5]))");
    return Arbitraries.oneOf(tries, tries, cans, cans, bad);
  }

  static Arbitrary<String> literals() {
    return Arbitraries.oneOf(anyValue(), nested(), conversions(anyValue()), Arbitraries.of(
        "{\"quoted key\" = 1}", "{a = 1, a = 2}", "{(\"dyn\") = 2}", "{1 = \"x\"}", "[,]", "{a = 1,}", "[1, 2,]",
        "<<EOT\nhello\nEOT", "1.0", "01", "1e400", "0.000001", "-0.0", "\"\\u00e9\"", "\"\\U0001F600\"", "upper", "nosuchfn(1)",
        "var.x", "{a: 1}", "[for]"));
  }

  private static List<Section> sections() {
    List<Section> list = new ArrayList<>();
    list.add(new Section("literals", 120, literals()));
    list.add(new Section("arithmetic", 120, arithmetic()));
    list.add(new Section("comparisons", 120, comparisons()));
    list.add(new Section("conditionals", 80, conditionals()));
    list.add(new Section("templates", 120, templates()));
    list.add(new Section("for", 150, forExpressions()));
    list.add(new Section("splat-index", 120, splatsAndIndexes()));
    list.add(new Section("try-can", 80, tryCan()));
    for (Fn f : functions()) {
      list.add(new Section(f.name(), 22, callsOf(f)));
    }
    list.add(new Section("compositions", 150, compositions()));
    return list;
  }

  /** Calls fed by other calls, so values flow through more than one function. */
  static Arbitrary<String> compositions() {
    List<Fn> fns = functions();
    Function<Integer, Arbitrary<String>> pick = k -> callsOf(fns.get(k));
    Arbitrary<String> inner = Arbitraries.integers().between(0, fns.size() - 1).flatMap(pick::apply);
    return Combinators.combine(Arbitraries.of("length", "jsonencode", "tostring", "upper", "flatten", "keys", "toset", "tolist", "sort", "distinct", "reverse", "sum", "one", "try"), inner)
        .as((outer, in) -> outer.equals("try") ? "try(" + in + ", \"fallback\")" : outer + "(" + in + ")");
  }
}
