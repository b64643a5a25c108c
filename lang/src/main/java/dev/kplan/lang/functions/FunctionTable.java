package dev.kplan.lang.functions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The functions visible to an evaluation, by name. */
public record FunctionTable(Map<String, FunctionSpec> functions) {
  public FunctionTable {
    functions = Collections.unmodifiableMap(new TreeMap<>(functions));
  }

  /** Terraform's standard library (less {@code try} and {@code can}, which the evaluator handles). */
  public static FunctionTable standard(FunctionContext ctx) {
    Map<String, FunctionSpec> all = new TreeMap<>();
    for (List<FunctionSpec> family :
        List.of(
            StringFunctions.functions(),
            CollectionFunctions.functions(),
            NumericFunctions.functions(),
            ConversionFunctions.functions(),
            EncodingFunctions.functions(),
            CryptoFunctions.functions(),
            NetworkFunctions.functions(),
            FilesystemFunctions.functions(ctx),
            DateTimeFunctions.functions(ctx),
            SensitivityFunctions.functions())) {
      for (FunctionSpec f : family) {
        if (all.put(f.name(), f) != null) {
          throw new IllegalStateException("function defined twice: " + f.name());
        }
      }
    }
    return new FunctionTable(all);
  }

  public FunctionSpec get(String name) {
    return functions.get(name);
  }

  public Set<String> names() {
    return functions.keySet();
  }
}
