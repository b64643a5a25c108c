package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random values, types and calls (fixed seed): conversions and the collection, numeric and
 * conversion functions either produce a value or fail with their checked exception, never with a
 * crash, and a converted value has the wanted type wherever the wanted type is exact.
 */
class FunctionRobustnessTest {
  private final Random random = new Random(20261125L);

  private Type randomType(int depth) {
    int k = random.nextInt(depth <= 0 ? 4 : 9);
    switch (k) {
      case 0:
        return Type.STRING;
      case 1:
        return Type.NUMBER;
      case 2:
        return Type.BOOL;
      case 3:
        return Type.DYNAMIC;
      case 4:
        return new ListType(randomType(depth - 1));
      case 5:
        return new SetType(randomType(depth - 1));
      case 6:
        return new MapType(randomType(depth - 1));
      case 7: {
        Map<String, Type> attrs = new LinkedHashMap<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          attrs.put(String.valueOf((char) ('a' + random.nextInt(3))), randomType(depth - 1));
        }
        Set<String> optional = random.nextBoolean() || attrs.isEmpty() ? Set.of() : Set.of(attrs.keySet().iterator().next());
        return new ObjectType(attrs, optional);
      }
      default: {
        List<Type> elems = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          elems.add(randomType(depth - 1));
        }
        return new TupleType(elems);
      }
    }
  }

  private Value randomValue(int depth) {
    int k = random.nextInt(depth <= 0 ? 7 : 10);
    Value v;
    switch (k) {
      case 0:
        v = Value.string(List.of("a", "1", "true", "", "b", "-2.5", "0").get(random.nextInt(7)));
        break;
      case 1:
        v = Value.number(new BigDecimal(List.of("0", "1", "-3", "2.5", "1e3", "100").get(random.nextInt(6))));
        break;
      case 2:
        v = Value.bool(random.nextBoolean());
        break;
      case 3:
        v = Value.nullOf(random.nextBoolean() ? Type.DYNAMIC : Type.STRING);
        break;
      case 4:
        v = Value.unknownOf(random.nextBoolean() ? Type.DYNAMIC : randomType(1));
        break;
      case 5:
        v = Value.string("x");
        break;
      case 6:
        v = Value.number(7);
        break;
      case 7: {
        List<Value> elems = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          elems.add(randomValue(depth - 1));
        }
        v = new TupleValue(elems, Marks.NONE);
        break;
      }
      case 8: {
        Map<String, Value> attrs = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          attrs.put(String.valueOf((char) ('a' + random.nextInt(4))), randomValue(depth - 1));
        }
        v = Value.object(attrs);
        break;
      }
      default: {
        Value inner = randomValue(depth - 1);
        try {
          v = Convert.convert(inner, randomType(1));
        } catch (ConversionException e) {
          v = inner;
        }
      }
    }
    return random.nextInt(8) == 0 ? v.mark(Marks.SENSITIVE) : v;
  }

  @Test
  void conversionsSucceedWithTheWantedTypeOrFailCleanly() {
    int converted = 0;
    for (int i = 0; i < 4000; i++) {
      Value v = randomValue(3);
      Type want = randomType(2);
      try {
        Value out = Convert.convert(v, want);
        converted++;
        if (!want.hasDynamicTypes() && out.isKnown()) {
          Type exact = dev.kplan.lang.types.Types.withoutOptionalAttributesDeep(want);
          assertTrue(out.type().equals(exact), () -> v + " to " + want + " gave " + out);
        }
      } catch (ConversionException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
      } catch (RuntimeException e) {
        fail("converting " + v + " to " + want.typeExpression() + " crashed", e);
      }
    }
    assertTrue(converted > 500, "too few successful conversions: " + converted);
  }

  @Test
  void functionsReturnOrFailCleanlyOnRandomArguments() {
    List<FunctionSpec> fns = new ArrayList<>();
    fns.addAll(CollectionFunctions.functions());
    fns.addAll(NumericFunctions.functions());
    fns.addAll(ConversionFunctions.functions());
    int succeeded = 0;
    java.util.Set<String> returned = new java.util.TreeSet<>();
    for (int i = 0; i < 6000; i++) {
      FunctionSpec f = fns.get(random.nextInt(fns.size()));
      int n = f.params().size() + (f.varParam() != null ? random.nextInt(3) : 0);
      List<Value> args = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        Param p = f.paramAt(a);
        Value v = randomValue(2);
        if (!(p.type() instanceof DynamicType) && random.nextBoolean()) {
          try {
            v = Convert.convert(v, p.type());
          } catch (ConversionException e) {
            // keep the raw value: the call must reject it cleanly
          }
        }
        args.add(v);
      }
      try {
        Value out = f.call(args);
        assertTrue(out != null, f.name() + " returned null");
        succeeded++;
        returned.add(f.name());
      } catch (FunctionException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), f.name() + " failed without a message");
      } catch (RuntimeException e) {
        fail(f.name() + args + " crashed", e);
      }
    }
    int total = succeeded;
    assertTrue(total > 800, () -> "too few successful calls: " + total);
    assertTrue(returned.size() > fns.size() - 5, () -> "functions never returning a value: " + returned);
  }
}
