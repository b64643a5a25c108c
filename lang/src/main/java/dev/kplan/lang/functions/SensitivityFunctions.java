package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.List;

/**
 * {@code sensitive}, {@code nonsensitive} and {@code issensitive}, as OpenTofu defines them: they
 * take any value (null, unknown and marked included) and look at or change only the value's own
 * top-level sensitive mark.
 */
public final class SensitivityFunctions {
  private SensitivityFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(
        new FunctionSpec("sensitive", List.of(anyValue()), null, args -> args.get(0).type(),
            (args, rt) -> args.get(0).mark(Marks.SENSITIVE)),
        // OpenTofu returns a value that was not sensitive unchanged (Terraform reports an error)
        new FunctionSpec("nonsensitive", List.of(anyValue()), null, args -> args.get(0).type(),
            (args, rt) -> {
              Value v = args.get(0);
              return v.withMarks(v.marks().without(Marks.SENSITIVE_MARK));
            }),
        // an unknown value's sensitivity is not settled until it is known (opentofu#2415)
        new FunctionSpec("issensitive", List.of(anyValue()), null, ReturnType.fixed(Type.BOOL),
            (args, rt) -> args.get(0).isKnown()
                ? Value.bool(args.get(0).isSensitive())
                : Value.unknownOf(Type.BOOL)));
  }

  private static Param anyValue() {
    return Param.of("value", Type.DYNAMIC).allowingNull().allowingUnknown().allowingMarked().allowingDynamicType();
  }
}
