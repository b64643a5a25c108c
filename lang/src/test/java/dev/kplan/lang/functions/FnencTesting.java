package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Calls the encoding/crypto/network/filesystem/date functions directly, as the evaluator would. */
final class FnencTesting {
  private final Map<String, FunctionSpec> fns = new TreeMap<>();

  FnencTesting(Path baseDir, FunctionContext.TemplateRenderer renderer) {
    FunctionContext ctx = new FunctionContext(baseDir,
        Clock.fixed(Instant.parse("2024-02-29T23:59:58Z"), ZoneOffset.UTC), renderer);
    for (List<FunctionSpec> family : List.of(EncodingFunctions.functions(), CryptoFunctions.functions(),
        NetworkFunctions.functions(), FilesystemFunctions.functions(ctx), DateTimeFunctions.functions(ctx))) {
      family.forEach(f -> fns.put(f.name(), f));
    }
  }

  FnencTesting() {
    this(Path.of("."), null);
  }

  Value call(String name, Value... args) throws FunctionException {
    FunctionSpec fn = fns.get(name);
    if (fn == null) {
      throw new IllegalArgumentException("no function " + name);
    }
    return fn.call(List.of(args));
  }

  String string(String name, Value... args) throws FunctionException {
    return ((StringValue) call(name, args)).value();
  }

  FunctionException failure(String name, Value... args) {
    return assertThrows(FunctionException.class, () -> call(name, args));
  }

  void assertFails(String message, int argIndex, String name, Value... args) {
    FunctionException e = failure(name, args);
    assertEquals(message, e.getMessage());
    assertEquals(argIndex, e.argIndex(), "argument index of: " + message);
  }

  static Value s(String v) {
    return Value.string(v);
  }

  static Value n(long v) {
    return Value.number(v);
  }
}
