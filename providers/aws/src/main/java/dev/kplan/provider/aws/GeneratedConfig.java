package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration {@code plan -generate-config-out} writes for an imported object: its arguments
 * (required and optional attributes, nested blocks included) as the state holds them, null ones left out;
 * purely computed attributes ({@code id}, {@code arn}, {@code tags_all}…) are not arguments.
 */
final class GeneratedConfig {
  private GeneratedConfig() {}

  static Value of(ResourceType type, Value state) {
    return block(type.schema().block(), Vals.object(state));
  }

  private static ObjectValue block(BlockSchema schema, ObjectValue state) {
    Map<String, Value> out = new LinkedHashMap<>();
    schema.attributes().forEach((name, a) -> {
      Value v = state.attributes().get(name);
      if (v != null && !v.isNull() && isArgument(a)) {
        out.put(name, v);
      }
    });
    schema.blocks().forEach((name, b) -> {
      Value v = state.attributes().get(name);
      if (v != null && !v.isNull()) {
        out.put(name, v);
      }
    });
    return Value.object(out);
  }

  private static boolean isArgument(AttributeSchema a) {
    return a.required() || a.optional();
  }
}
