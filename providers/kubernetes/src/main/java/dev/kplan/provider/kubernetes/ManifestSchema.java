package dev.kplan.provider.kubernetes;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ResourceSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The schema of {@code kubernetes_manifest} and typed access to the settings in its configuration. */
final class ManifestSchema {
  static final String DEFAULT_MANAGER = "kplan";
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  static final ResourceSchema SCHEMA = new ResourceSchema(0, new BlockSchema(Map.of(
      "manifest", AttributeSchema.required(Type.DYNAMIC)
          .describedAs("The object kplan applies: apiVersion, kind, metadata and the rest, as in YAML."),
      "object", AttributeSchema.computed(Type.DYNAMIC)
          .describedAs("The live values of the fields kplan manages (server-normalised)."),
      "computed_fields", AttributeSchema.optional(new ListType(Type.STRING))
          .describedAs("Dotted paths kplan sends but whose live value others may change: never a diff.")),
      Map.of(
          "field_manager", new NestedBlock(BlockSchema.of(Map.of(
              "name", AttributeSchema.optional(Type.STRING).describedAs("Field manager name (default kplan)."),
              "force_conflicts", AttributeSchema.optional(Type.BOOL)
                  .describedAs("Take over fields another manager owns."))), NestedBlock.Nesting.SINGLE, 0, 1),
          "wait", new NestedBlock(BlockSchema.of(Map.of(
              "rollout", AttributeSchema.optional(Type.BOOL)
                  .describedAs("Wait for Deployments, StatefulSets and DaemonSets to roll out (default true)."),
              "conditions", AttributeSchema.optional(new ListType(new ObjectType(Map.of(
                  "type", Type.STRING, "status", Type.STRING))))
                  .describedAs("Status conditions to wait for."),
              "fields", AttributeSchema.optional(new MapType(Type.STRING))
                  .describedAs("Dotted paths and the values to wait for (\"*\": any value)."))),
              NestedBlock.Nesting.SINGLE, 0, 1),
          "timeouts", new NestedBlock(BlockSchema.of(Map.of(
              "create", AttributeSchema.optional(Type.STRING),
              "update", AttributeSchema.optional(Type.STRING),
              "delete", AttributeSchema.optional(Type.STRING))), NestedBlock.Nesting.SINGLE, 0, 1))),
      "Any Kubernetes object, applied with server-side apply; diffs cover only the fields kplan manages.");

  private ManifestSchema() {}

  static String manager(Value config) {
    String n = Values.string(config, "field_manager", "name");
    return n == null || n.isBlank() ? DEFAULT_MANAGER : n;
  }

  static boolean forceConflicts(Value config) {
    return Boolean.TRUE.equals(Values.bool(config, "field_manager", "force_conflicts"));
  }

  static List<String> computedFields(Value config) {
    List<String> out = new ArrayList<>();
    for (Value v : Values.elements(Values.at(config, "computed_fields"))) {
      if (v instanceof dev.kplan.lang.value.StringValue s) {
        out.add(s.value());
      }
    }
    return out;
  }

  /** The timeout for {@code operation} (create, update, delete); the default when unset or unreadable. */
  static Duration timeout(Value config, String operation) {
    Duration d = Durations.parse(Values.string(config, "timeouts", operation));
    return d == null ? DEFAULT_TIMEOUT : d;
  }
}
