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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code random_string} and {@code random_password} as in hashicorp/random v3: every argument
 * forces a new value; the {@code min_*} counts are drawn from their classes first (whether or not
 * the class is enabled, as upstream does), the rest from the enabled classes, then shuffled.
 * {@code random_password} differs in that {@code result} is sensitive and {@code id} is "none".
 * Not here: the deprecated {@code number} argument, and {@code bcrypt_hash} (no bcrypt library
 * in the project).
 */
final class RandomStringResource implements ManagedType {
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String NUMERIC = "0123456789";
  static final String SPECIAL = "!@#$%&*()-_=+[]{}<>:?";
  private static final List<String> FLAGS = List.of("special", "upper", "lower", "numeric");
  private static final List<String> MINIMUMS = List.of("min_numeric", "min_upper", "min_lower", "min_special");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String name;
  private final boolean password;
  private final ResourceSchema schema;

  private RandomStringResource(String name, boolean password) {
    this.name = name;
    this.password = password;
    Map<String, AttributeSchema> a = new LinkedHashMap<>();
    a.put("length", AttributeSchema.required(Type.NUMBER).forcingNew()
        .describedAs("The length of the result; at least 1 and at least the sum of the min_* counts."));
    a.put("keepers", AttributeSchema.optional(ForceNewPlan.keepersType()).forcingNew()
        .describedAs("Arbitrary values whose change generates a new result."));
    for (String f : FLAGS) {
      a.put(f, AttributeSchema.optionalComputed(Type.BOOL).forcingNew()
          .describedAs("Include " + f + " characters; default true."));
    }
    for (String m : MINIMUMS) {
      a.put(m, AttributeSchema.optionalComputed(Type.NUMBER).forcingNew()
          .describedAs("The least number of " + m.substring(4) + " characters; default 0."));
    }
    a.put("override_special", AttributeSchema.optional(Type.STRING).forcingNew()
        .describedAs("The special characters to use instead of " + SPECIAL + "."));
    AttributeSchema result = AttributeSchema.computed(Type.STRING).describedAs("The generated string.");
    a.put("result", password ? result.markedSensitive() : result);
    a.put("id", AttributeSchema.computed(Type.STRING));
    this.schema = new ResourceSchema(0, BlockSchema.of(a),
        password ? "A random password (sensitive result)." : "A random string.");
  }

  static RandomStringResource string() {
    return new RandomStringResource("random_string", false);
  }

  static RandomStringResource password() {
    return new RandomStringResource("random_password", true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ResourceSchema schema() {
    return schema;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    List<Diagnostic> d = new ArrayList<>();
    Long length = Attrs.number(config, "length");
    if (length != null && length < 1) {
      d.add(Diagnostic.error("Invalid length", "length must be at least 1, got " + length + ".", null));
    }
    long sum = 0;
    boolean allKnown = Attrs.get(config, "length").isKnown();
    for (String m : MINIMUMS) {
      Value v = Attrs.get(config, m);
      allKnown &= v.isKnown();
      Long n = Attrs.number(config, m);
      if (n != null && n < 0) {
        d.add(Diagnostic.error("Invalid " + m, m + " must not be negative, got " + n + ".", null));
      } else if (n != null) {
        sum += n;
      }
    }
    if (length != null && allKnown && length >= 1 && length < sum) {
      d.add(Diagnostic.error("Invalid length",
          "length (" + length + ") must be at least the sum of min_upper, min_lower, min_numeric and min_special ("
              + sum + ").", null));
    }
    boolean noClass = FLAGS.stream().allMatch(f -> Attrs.get(config, f) instanceof dev.kplan.lang.value.BoolValue b && !b.value());
    if (length != null && allKnown && length > sum && noClass) {
      d.add(Diagnostic.error("No character classes",
          "With special, upper, lower and numeric all false only the min_* counts can be drawn, and they add up to "
              + sum + ", less than length (" + length + ").", null));
    }
    return Diagnostics.of(d);
  }

  @Override
  public PlanResult plan(PlanRequest request, Workspace workspace) {
    ObjectValue config = Attrs.plain(request.config());
    Diagnostics diags = validate(config);
    if (diags.hasErrors()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, diags);
    }
    return ForceNewPlan.plan(schema, arguments(config), request.priorState(), diags);
  }

  private static Map<String, Value> arguments(ObjectValue config) {
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("length", Attrs.get(config, "length"));
    args.put("keepers", Attrs.get(config, "keepers"));
    for (String f : FLAGS) {
      args.put(f, ForceNewPlan.orDefault(config, f, Value.bool(true)));
    }
    for (String m : MINIMUMS) {
      args.put(m, ForceNewPlan.orDefault(config, m, Value.number(0)));
    }
    args.put("override_special", Attrs.get(config, "override_special"));
    return args;
  }

  @Override
  public ApplyResult apply(ApplyRequest request, Workspace workspace) {
    if (request.isDelete()) {
      return new ApplyResult(Value.nullOf(schema.block().impliedType()), null, Diagnostics.NONE);
    }
    ObjectValue planned = Attrs.plain(request.plannedState());
    if (Attrs.get(planned, "result").isKnown()) {
      return new ApplyResult(planned, null, Diagnostics.NONE);
    }
    String result;
    try {
      result = generate(planned);
    } catch (IllegalArgumentException e) {
      return new ApplyResult(Value.nullOf(schema.block().impliedType()), null, Diagnostics.of(
          Diagnostic.error("Cannot generate " + name, e.getMessage(), null)));
    }
    Map<String, Value> state = Attrs.copy(planned);
    state.put("result", Value.string(result));
    state.put("id", Value.string(password ? "none" : result));
    return new ApplyResult(Attrs.complete(schema.block(), state), null, Diagnostics.NONE);
  }

  /** A string with the planned length, minimum counts and character classes. */
  static String generate(ObjectValue args) {
    int length = Math.toIntExact(Attrs.number(args, "length"));
    String special = Attrs.string(args, "override_special");
    if (special == null || special.isEmpty()) { // upstream: an empty override means the default set
      special = SPECIAL;
    }
    List<Character> out = new ArrayList<>(length);
    draw(out, NUMERIC, count(args, "min_numeric"));
    draw(out, LOWER, count(args, "min_lower"));
    draw(out, UPPER, count(args, "min_upper"));
    draw(out, special, count(args, "min_special"));
    StringBuilder pool = new StringBuilder();
    if (Attrs.bool(args, "upper", true)) {
      pool.append(UPPER);
    }
    if (Attrs.bool(args, "lower", true)) {
      pool.append(LOWER);
    }
    if (Attrs.bool(args, "numeric", true)) {
      pool.append(NUMERIC);
    }
    if (Attrs.bool(args, "special", true)) {
      pool.append(special);
    }
    draw(out, pool.toString(), length - out.size());
    Collections.shuffle(out, RANDOM);
    StringBuilder sb = new StringBuilder(out.size());
    out.forEach(sb::append);
    return sb.toString();
  }

  private static int count(ObjectValue args, String name) {
    Long n = Attrs.number(args, name);
    return n == null ? 0 : Math.toIntExact(n);
  }

  private static void draw(List<Character> out, String chars, int n) {
    if (n <= 0) {
      return;
    }
    if (chars.isEmpty()) {
      throw new IllegalArgumentException("No characters to choose from: enable a character class "
          + "(upper, lower, numeric, special) or give override_special some characters.");
    }
    for (int i = 0; i < n; i++) {
      out.add(chars.charAt(RANDOM.nextInt(chars.length())));
    }
  }

  @Override
  public Value read(ObjectValue prior, Workspace workspace, List<Diagnostic> diagnostics) {
    return prior;
  }

  /** Import by the result itself, with the default arguments (upstream's behaviour). */
  @Override
  public ImportResult importResource(String id, Workspace workspace) {
    if (id.isEmpty()) {
      return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Invalid import id",
          "The import id of " + name + " is the value itself, and must not be empty.", null)));
    }
    Map<String, Value> state = arguments(Value.object(Map.of("length", Value.number(id.codePointCount(0, id.length())))));
    state.put("result", Value.string(id));
    state.put("id", Value.string(password ? "none" : id));
    return new ImportResult(List.of(Attrs.complete(schema.block(), state)), Diagnostics.NONE);
  }
}
