package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@code aws_caller_identity} (STS GetCallerIdentity) and {@code aws_region} (the configured region). */
final class DataSources {
  private DataSources() {}

  static final ResourceSchema CALLER_IDENTITY = ResourceSchema.of(BlockSchema.of(Map.of(
      "account_id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "user_id", AttributeSchema.computed(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING))));

  static final ResourceSchema REGION = ResourceSchema.of(BlockSchema.of(Map.of(
      "name", AttributeSchema.optionalComputed(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING),
      "endpoint", AttributeSchema.computed(Type.STRING))));

  static Value callerIdentity(AwsContext ctx) {
    GetCallerIdentityResponse r = ctx.clients().sts().getCallerIdentity();
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("account_id", Vals.str(r.account()));
    m.put("arn", Vals.str(r.arn()));
    m.put("user_id", Vals.str(r.userId()));
    m.put("id", Vals.str(r.account()));
    return Vals.complete(CALLER_IDENTITY.block(), m);
  }

  /** The region named in the configuration, else the provider's. */
  static Value region(AwsContext ctx, Value config) {
    String named = Vals.string(Vals.object(config), "name");
    String region = named != null ? named : ctx.region();
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("name", Value.string(region));
    m.put("id", Value.string(region));
    m.put("endpoint", Value.string("ec2." + region + ".amazonaws.com"));
    return Vals.complete(REGION.block(), m);
  }
}
