package dev.kplan.cli;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A provider for CLI tests whose resource has nested blocks (the local provider has none):
 * {@code testblocks_firewall} with {@code name}, list blocks {@code rule { port, proto }} that
 * nest set blocks {@code source { cidr }}, and map blocks {@code label "key" { value }}. It keeps
 * what it is given, like {@code kplan_data}, and computes {@code id}. A single block
 * {@code logging { level }} and an optional {@code secret} (sensitive) complete it. Tests change an
 * object "outside kplan" through {@link #editOutside}: the next read returns the edited object.
 */
public final class TestingBlocksProvider implements Provider {
  static final BlockSchema SOURCE = BlockSchema.of(Map.of("cidr", AttributeSchema.required(Type.STRING)));
  static final BlockSchema RULE = new BlockSchema(
      Map.of("port", AttributeSchema.required(Type.NUMBER), "proto", AttributeSchema.optional(Type.STRING)),
      Map.of("source", new NestedBlock(SOURCE, NestedBlock.Nesting.SET, 0, 0)));
  static final BlockSchema LABEL = BlockSchema.of(Map.of("value", AttributeSchema.required(Type.STRING)));
  static final BlockSchema LOGGING = BlockSchema.of(Map.of("level", AttributeSchema.required(Type.STRING)));
  static final ResourceSchema FIREWALL = ResourceSchema.of(new BlockSchema(
      Map.of("name", AttributeSchema.required(Type.STRING), "id", AttributeSchema.computed(Type.STRING),
          "secret", AttributeSchema.optional(Type.STRING).markedSensitive()),
      Map.of("rule", new NestedBlock(RULE, NestedBlock.Nesting.LIST, 0, 0),
          "label", new NestedBlock(LABEL, NestedBlock.Nesting.MAP, 0, 0),
          "logging", new NestedBlock(LOGGING, NestedBlock.Nesting.SINGLE, 0, 0))));

  /** Edits made "outside kplan" to the object of each name, applied by the next reads. */
  private static final Map<String, UnaryOperator<Value>> OUTSIDE = new ConcurrentHashMap<>();

  /** Makes every later read of the firewall named {@code name} return {@code edit} of what is stored. */
  static void editOutside(String name, UnaryOperator<Value> edit) {
    OUTSIDE.put(name, edit);
  }

  static void forgetOutsideEdits() {
    OUTSIDE.clear();
  }

  /** Registered for the CLI tests through META-INF/services. */
  public static final class Factory implements ProviderFactory {
    @Override
    public String name() {
      return "testblocks";
    }

    @Override
    public Provider create() {
      return new TestingBlocksProvider();
    }
  }

  @Override
  public ProviderSchema schema() {
    return new ProviderSchema(BlockSchema.EMPTY, Map.of("testblocks_firewall", FIREWALL), Map.of());
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    List<ReadResult.Instance> out = new ArrayList<>();
    for (ReadRequest.Instance i : request.instances()) {
      Value prior = i.priorState();
      UnaryOperator<Value> edit = prior instanceof ObjectValue o && o.get("name") instanceof StringValue n
          ? OUTSIDE.get(n.value()) : null;
      out.add(new ReadResult.Instance(i.address(), edit == null ? prior : edit.apply(prior), i.privateData(),
          List.of()));
    }
    return new ReadResult(out, Diagnostics.NONE);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    Value proposed = request.proposedNewState();
    if (proposed.isNull() || !(proposed instanceof ObjectValue o)) {
      return new PlanResult(proposed, List.of(), null, Diagnostics.NONE);
    }
    Map<String, Value> attrs = new LinkedHashMap<>(o.attributes());
    if (attrs.get("id").isNull()) {
      attrs.put("id", Value.unknownOf(Type.STRING));
    }
    return new PlanResult(Value.object(attrs), List.of(), null, Diagnostics.NONE);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    Value planned = request.plannedState();
    if (planned.isNull()) {
      return new ApplyResult(planned, null, Diagnostics.NONE);
    }
    Map<String, Value> attrs = new LinkedHashMap<>(((ObjectValue) planned).attributes());
    if (!attrs.get("id").isKnown()) {
      attrs.put("id", Value.string("fw-" + ((StringValue) attrs.get("name")).value()));
    }
    return new ApplyResult(Value.object(attrs), null, Diagnostics.NONE);
  }
}
