package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ResourceSchema;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code random_id} as in hashicorp/random: {@code byte_length} random bytes shown as base64url
 * ({@code id}, without prefix), and with the optional prefix as base64url, padded standard base64,
 * hex and decimal. Imported by {@code B64URL} or {@code PREFIX,B64URL}.
 */
final class RandomIdResource implements ManagedType {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> ARGUMENTS = List.of("keepers", "byte_length", "prefix");
  private static final ResourceSchema SCHEMA;

  static {
    Map<String, AttributeSchema> a = new LinkedHashMap<>();
    a.put("keepers", AttributeSchema.optional(ForceNewPlan.keepersType()).forcingNew()
        .describedAs("Arbitrary values whose change generates a new id."));
    a.put("byte_length", AttributeSchema.required(Type.NUMBER).forcingNew()
        .describedAs("The number of random bytes to produce (at least 1)."));
    a.put("prefix", AttributeSchema.optional(Type.STRING).forcingNew()
        .describedAs("Text put before b64_url, b64_std, hex and dec (not before id)."));
    for (String c : List.of("id", "b64_url", "b64_std", "hex", "dec")) {
      a.put(c, AttributeSchema.computed(Type.STRING));
    }
    SCHEMA = new ResourceSchema(0, BlockSchema.of(a), "Random bytes, for unique names.");
  }

  @Override
  public String name() {
    return "random_id";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    Long n = Attrs.number(config, "byte_length");
    if (n != null && n < 1) {
      return Diagnostics.of(Diagnostic.error("Invalid byte_length", "byte_length must be at least 1, got " + n + ".", null));
    }
    return Diagnostics.NONE;
  }

  @Override
  public PlanResult plan(PlanRequest request, Workspace workspace) {
    ObjectValue config = Attrs.plain(request.config());
    Diagnostics diags = validate(config);
    if (diags.hasErrors()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, diags);
    }
    Map<String, Value> args = new LinkedHashMap<>();
    for (String name : ARGUMENTS) {
      args.put(name, Attrs.get(config, name));
    }
    return ForceNewPlan.plan(SCHEMA, args, request.priorState(), diags);
  }

  @Override
  public ApplyResult apply(ApplyRequest request, Workspace workspace) {
    if (request.isDelete()) {
      return new ApplyResult(Value.nullOf(SCHEMA.block().impliedType()), null, Diagnostics.NONE);
    }
    ObjectValue planned = Attrs.plain(request.plannedState());
    if (Attrs.get(planned, "id").isKnown()) {
      return new ApplyResult(planned, null, Diagnostics.NONE);
    }
    byte[] bytes = new byte[Math.toIntExact(Attrs.number(planned, "byte_length"))];
    RANDOM.nextBytes(bytes);
    return new ApplyResult(state(Attrs.copy(planned), bytes, Attrs.string(planned, "prefix")), null, Diagnostics.NONE);
  }

  @Override
  public Value read(ObjectValue prior, Workspace workspace, List<Diagnostic> diagnostics) {
    return prior;
  }

  @Override
  public ImportResult importResource(String id, Workspace workspace) {
    int comma = id.lastIndexOf(',');
    String prefix = comma < 0 ? null : id.substring(0, comma);
    String b64 = comma < 0 ? id : id.substring(comma + 1);
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length == 0) {
      return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Invalid import id",
          "Expected B64URL or PREFIX,B64URL with non-empty base64url bytes, got \"" + id + "\".", null)));
    }
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("byte_length", Value.number(bytes.length));
    args.put("prefix", prefix == null ? Value.nullOf(Type.STRING) : Value.string(prefix));
    return new ImportResult(List.of(state(args, bytes, prefix)), Diagnostics.NONE);
  }

  private static ObjectValue state(Map<String, Value> args, byte[] bytes, String prefix) {
    String p = prefix == null ? "" : prefix;
    String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    args.put("id", Value.string(url));
    args.put("b64_url", Value.string(p + url));
    args.put("b64_std", Value.string(p + Base64.getEncoder().encodeToString(bytes)));
    args.put("hex", Value.string(p + HexFormat.of().formatHex(bytes)));
    args.put("dec", Value.string(p + new BigInteger(1, bytes)));
    return Attrs.complete(SCHEMA.block(), args);
  }
}
