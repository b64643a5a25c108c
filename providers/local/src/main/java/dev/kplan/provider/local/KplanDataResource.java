package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code kplan_data}, Terraform's {@code terraform_data}: {@code output} takes the value of
 * {@code input} at apply (unknown in a plan that changes input), a change of
 * {@code triggers_replace} replaces the object, {@code id} is a random UUID. What is sensitive in
 * {@code input} is declared sensitive in {@code output} too (Terraform's terraform_data loses that
 * mark and shows the copy in clear).
 */
final class KplanDataResource implements ManagedType {
  private static final ResourceSchema SCHEMA = new ResourceSchema(0, BlockSchema.of(Map.of(
      "input", AttributeSchema.optional(Type.DYNAMIC)
          .describedAs("A value to store; output takes it at apply."),
      "output", AttributeSchema.computed(Type.DYNAMIC)
          .describedAs("The input as of the last apply."),
      "triggers_replace", AttributeSchema.optional(Type.DYNAMIC).forcingNew()
          .describedAs("A value whose change replaces the object."),
      "id", AttributeSchema.computed(Type.STRING))),
      "Stores a value through the plan/apply cycle; like terraform_data.");

  @Override
  public String name() {
    return "kplan_data";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    return Diagnostics.NONE;
  }

  @Override
  public PlanResult plan(PlanRequest request, Workspace workspace) {
    ObjectValue config = Attrs.plain(request.config());
    Value input = Attrs.get(config, "input");
    Value triggers = Attrs.get(config, "triggers_replace");
    Map<String, Value> planned = new LinkedHashMap<>();
    planned.put("input", input);
    planned.put("triggers_replace", triggers);
    List<Path> replace = List.of();
    ObjectValue prior = request.priorState().isNull() ? null : Attrs.plain(request.priorState());
    if (prior != null && !Attrs.same(Attrs.get(prior, "triggers_replace"), triggers)) {
      replace = List.of(Path.ROOT.attr("triggers_replace"));
    }
    if (prior == null || !replace.isEmpty()) {
      planned.put("id", Value.unknownOf(Type.STRING));
      planned.put("output", input.isNull() ? input : Value.unknownOf(input.type()));
    } else {
      planned.put("id", Attrs.get(prior, "id"));
      planned.put("output", Attrs.same(Attrs.get(prior, "input"), input)
          ? Attrs.get(prior, "output") : Value.unknownOf(input.type()));
    }
    return new PlanResult(Attrs.complete(SCHEMA.block(), planned), replace, null, Diagnostics.NONE,
        inputToOutput(request.sensitivePaths()));
  }

  @Override
  public ApplyResult apply(ApplyRequest request, Workspace workspace) {
    if (request.isDelete()) {
      return new ApplyResult(Value.nullOf(SCHEMA.block().impliedType()), null, Diagnostics.NONE);
    }
    ObjectValue planned = Attrs.plain(request.plannedState());
    Map<String, Value> state = Attrs.copy(planned);
    if (!Attrs.get(planned, "id").isKnown()) {
      state.put("id", Value.string(UUID.randomUUID().toString()));
    }
    state.put("output", Attrs.get(planned, "input"));
    return new ApplyResult(Attrs.complete(SCHEMA.block(), state), null, Diagnostics.NONE,
        inputToOutput(request.sensitivePaths()));
  }

  /** The sensitive paths under {@code input}, as paths under {@code output}, which holds a copy of it. */
  private static List<Path> inputToOutput(List<Path> sensitive) {
    PathStep input = new PathStep.GetAttr("input");
    List<Path> out = new ArrayList<>();
    for (Path p : sensitive) {
      if (!p.steps().isEmpty() && p.steps().get(0).equals(input)) {
        List<PathStep> steps = new ArrayList<>(p.steps());
        steps.set(0, new PathStep.GetAttr("output"));
        out.add(new Path(steps));
      }
    }
    return out;
  }

  @Override
  public Value read(ObjectValue prior, Workspace workspace, List<Diagnostic> diagnostics) {
    return prior;
  }

  @Override
  public ImportResult importResource(String id, Workspace workspace) {
    return new ImportResult(List.of(Attrs.complete(SCHEMA.block(), Map.of("id", Value.string(id)))), Diagnostics.NONE);
  }
}
