package dev.kplan.engine.planner;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-process provider "test" over an in-memory cloud, for engine tests. Resource
 * {@code test_thing}: {@code name} (required), {@code size}, {@code tags}, {@code secret}
 * (sensitive), {@code zone} (changing it forces replacement), computed {@code id} and {@code arn}.
 * Data source {@code test_lookup}: {@code input} → {@code result}. Objects can be edited or
 * deleted "outside kplan" to produce drift; {@code buggy} makes plan rewrite a configured value.
 */
final class TestingProvider implements Provider {
  static final ResourceSchema THING = ResourceSchema.of(BlockSchema.of(Map.of(
      "name", AttributeSchema.required(Type.STRING),
      "size", AttributeSchema.optional(Type.NUMBER),
      "tags", AttributeSchema.optional(new MapType(Type.STRING)),
      "secret", AttributeSchema.optional(Type.STRING).markedSensitive(),
      "zone", AttributeSchema.optional(Type.STRING).forcingNew(),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING))));

  static final ResourceSchema LOOKUP = ResourceSchema.of(BlockSchema.of(Map.of(
      "input", AttributeSchema.required(Type.STRING),
      "result", AttributeSchema.computed(Type.STRING))));

  /** The live objects by id. */
  final Map<String, ObjectValue> cloud = new TreeMap<>();
  final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
  boolean buggy;
  /** When set, each read waits (up to 5 s) until as many reads as its count are under way. */
  java.util.concurrent.CountDownLatch rendezvous;
  volatile boolean readsOverlapped;
  private int nextId = 1;
  private String who;

  @Override
  public ProviderSchema schema() {
    return new ProviderSchema(BlockSchema.of(Map.of("region", AttributeSchema.optional(Type.STRING))),
        Map.of("test_thing", THING), Map.of("test_lookup", LOOKUP));
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    calls.add("configure");
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ReadResult read(ReadRequest request) {
    calls.add("read " + request.typeName() + " x" + request.instances().size());
    if (rendezvous != null) {
      rendezvous.countDown();
      try {
        readsOverlapped = rendezvous.await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ReadResult.Instance> out = new ArrayList<>();
    for (ReadRequest.Instance i : request.instances()) {
      String id = str(i.priorState(), "id");
      ObjectValue live = cloud.get(id);
      out.add(new ReadResult.Instance(i.address(), live == null ? Value.nullOf(THING.block().impliedType()) : live,
          i.privateData(), live != null && who != null
              ? List.of(new Attribution(Path.ROOT.attr("size"), who, "Update", Instant.EPOCH)) : List.of()));
    }
    return new ReadResult(out, Diagnostics.NONE);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    calls.add("plan " + request.typeName());
    if (request.proposedNewState().isNull()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, Diagnostics.NONE);
    }
    ObjectValue proposed = (ObjectValue) request.proposedNewState();
    Map<String, Value> planned = new LinkedHashMap<>(proposed.attributes());
    List<Path> replace = new ArrayList<>();
    if (request.priorState().isNull()) {
      planned.put("id", Value.unknownOf(Type.STRING));
      planned.put("arn", Value.unknownOf(Type.STRING));
    } else if (!((ObjectValue) request.priorState()).get("zone").equals(proposed.get("zone"))) {
      replace.add(Path.ROOT.attr("zone"));
      planned.put("id", Value.unknownOf(Type.STRING));
      planned.put("arn", Value.unknownOf(Type.STRING));
    }
    if (buggy && proposed.get("name") instanceof StringValue s) {
      planned.put("name", Value.string(s.value().toUpperCase()));
    }
    return new PlanResult(Value.object(planned), replace, "private", Diagnostics.NONE);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    calls.add("apply " + request.typeName());
    if (request.isDelete()) {
      cloud.remove(str(request.priorState(), "id"));
      return new ApplyResult(request.plannedState(), null, Diagnostics.NONE);
    }
    Map<String, Value> obj = new LinkedHashMap<>(((ObjectValue) request.plannedState()).attributes());
    if (!obj.get("id").isKnown()) {
      String id = "id-" + nextId++;
      obj.put("id", Value.string(id));
      obj.put("arn", Value.string("arn:" + id));
    }
    ObjectValue created = (ObjectValue) Value.object(obj);
    cloud.put(str(created, "id"), created);
    return new ApplyResult(created, null, Diagnostics.NONE);
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    calls.add("readData " + request.typeName());
    String input = str(request.config(), "input");
    return new ReadDataResult(Value.object(Map.of("input", Value.string(input),
        "result", Value.string("looked-up:" + input))), Diagnostics.NONE);
  }

  @Override
  public dev.kplan.provider.ImportResult importResource(dev.kplan.provider.ImportRequest request) {
    calls.add("import " + request.typeName() + " " + request.id());
    ObjectValue live = cloud.get(request.id());
    if (live == null) {
      return new dev.kplan.provider.ImportResult(List.of(), Diagnostics.of(dev.kplan.lang.diag.Diagnostic.error(
          "Cannot import non-existent remote object", "There is no thing " + request.id() + ".", null)));
    }
    return new dev.kplan.provider.ImportResult(List.of(live), Diagnostics.NONE);
  }

  /** Someone changes an attribute of a live object. */
  void editOutside(String id, String attribute, Value value, String manager) {
    Map<String, Value> obj = new LinkedHashMap<>(cloud.get(id).attributes());
    obj.put(attribute, value);
    cloud.put(id, (ObjectValue) Value.object(obj));
    who = manager;
  }

  private static String str(Value obj, String name) {
    Value v = ((ObjectValue) obj).get(name);
    return v instanceof StringValue s ? s.value() : null;
  }
}
