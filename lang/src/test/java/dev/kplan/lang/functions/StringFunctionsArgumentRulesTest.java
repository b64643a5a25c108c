package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.TestingStringCalls.num;
import static dev.kplan.lang.functions.TestingStringCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every string function, argument by argument: a sensitive argument makes the result sensitive,
 * an unknown one makes it unknown, and a null one is rejected where cty rejects nulls.
 */
class StringFunctionsArgumentRulesTest {
  private static final Value WORDS = Value.list(Type.STRING, List.of(str("a"), str("b")));
  private static final Map<String, List<Value>> SAMPLES = Map.ofEntries(
      Map.entry("upper", List.of(str("a"))),
      Map.entry("lower", List.of(str("A"))),
      Map.entry("title", List.of(str("a b"))),
      Map.entry("strrev", List.of(str("ab"))),
      Map.entry("chomp", List.of(str("a\n"))),
      Map.entry("trimspace", List.of(str(" a "))),
      Map.entry("indent", List.of(num(2), str("a\nb"))),
      Map.entry("substr", List.of(str("abc"), num(1), num(1))),
      Map.entry("join", List.of(str(","), WORDS)),
      Map.entry("split", List.of(str(","), str("a,b"))),
      Map.entry("replace", List.of(str("abc"), str("/b/"), str("x"))),
      Map.entry("trim", List.of(str("xax"), str("x"))),
      Map.entry("trimprefix", List.of(str("ab"), str("a"))),
      Map.entry("trimsuffix", List.of(str("ab"), str("b"))),
      Map.entry("startswith", List.of(str("ab"), str("a"))),
      Map.entry("endswith", List.of(str("ab"), str("b"))),
      Map.entry("strcontains", List.of(str("ab"), str("a"))),
      Map.entry("format", List.of(str("%s-%v"), str("a"), WORDS)),
      Map.entry("formatlist", List.of(str("%s-%s"), str("a"), WORDS)),
      Map.entry("regex", List.of(str("(a)"), str("a"))),
      Map.entry("regexall", List.of(str("(?P<x>a)"), str("aa"))));

  private static Stream<DynamicTest> perArgument(TestBody body) {
    List<DynamicTest> tests = new ArrayList<>();
    SAMPLES.forEach((name, args) -> {
      for (int i = 0; i < args.size(); i++) {
        int at = i;
        tests.add(DynamicTest.dynamicTest(name + " argument " + i, () -> body.check(name, args, at)));
      }
    });
    return tests.stream();
  }

  private interface TestBody {
    void check(String name, List<Value> args, int at) throws Exception;
  }

  private static Value callWith(String name, List<Value> args, int at, Value replacement) throws FunctionException {
    List<Value> changed = new ArrayList<>(args);
    changed.set(at, replacement);
    return TestingStringCalls.FUNCTIONS.get(name).call(changed);
  }

  @TestFactory
  Stream<DynamicTest> sensitiveArgumentMakesSensitiveResult() {
    return perArgument((name, args, at) -> {
      Value plain = TestingStringCalls.FUNCTIONS.get(name).call(args);
      assertFalse(plain.hasMarksDeep());
      Value marked = callWith(name, args, at, args.get(at).mark(Marks.SENSITIVE));
      assertTrue(marked.isSensitive(), () -> name + " gave " + marked);
      assertEquals(plain, marked.unmarked());
    });
  }

  @TestFactory
  Stream<DynamicTest> unknownArgumentMakesUnknownResult() {
    return perArgument((name, args, at) -> {
      Value result = callWith(name, args, at, Value.unknownOf(args.get(at).type()));
      assertFalse(result.isWhollyKnown(), () -> name + " gave " + result);
    });
  }

  @TestFactory
  Stream<DynamicTest> nullArgumentIsRejectedUnlessTheParameterTakesIt() {
    return perArgument((name, args, at) -> {
      FunctionSpec fn = TestingStringCalls.FUNCTIONS.get(name);
      Value nul = Value.nullOf(args.get(at).type());
      if (fn.paramAt(at).allowNull()) {
        // format's values may be null; only a verb other than %v then fails the call
        try {
          callWith(name, args, at, nul);
        } catch (FunctionException e) {
          assertEquals(-1, e.argIndex(), e::getMessage);
          assertTrue(e.getMessage().contains("null value cannot be formatted"), e::getMessage);
        }
        return;
      }
      FunctionException e = assertThrows(FunctionException.class, () -> callWith(name, args, at, nul));
      assertEquals(at, e.argIndex());
      assertEquals("argument must not be null", e.getMessage());
    });
  }
}
