package dev.kplan.provider.aws;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code provider "aws"} block, with Terraform's names. */
final class ProviderConfigSchema {
  private ProviderConfigSchema() {}

  /** Services whose endpoint can be overridden in {@code endpoints { … }}. */
  static final List<String> SERVICES = List.of("ec2", "s3", "sqs", "sts", "iam", "sns", "dynamodb", "route53",
      "cloudtrail");

  static BlockSchema schema() {
    Map<String, AttributeSchema> endpoints = new LinkedHashMap<>();
    for (String s : SERVICES) {
      endpoints.put(s, AttributeSchema.optional(Type.STRING).describedAs("URL of the " + s + " API"));
    }
    return new BlockSchema(
        Map.ofEntries(
            Map.entry("region", AttributeSchema.optional(Type.STRING)),
            Map.entry("profile", AttributeSchema.optional(Type.STRING)),
            Map.entry("access_key", AttributeSchema.optional(Type.STRING).markedSensitive()),
            Map.entry("secret_key", AttributeSchema.optional(Type.STRING).markedSensitive()),
            Map.entry("token", AttributeSchema.optional(Type.STRING).markedSensitive()),
            Map.entry("shared_config_files", AttributeSchema.optional(new ListType(Type.STRING))),
            Map.entry("shared_credentials_files", AttributeSchema.optional(new ListType(Type.STRING))),
            Map.entry("max_retries", AttributeSchema.optional(Type.NUMBER)),
            Map.entry("s3_use_path_style", AttributeSchema.optional(Type.BOOL)),
            Map.entry("skip_credentials_validation", AttributeSchema.optional(Type.BOOL)),
            Map.entry("drift_attribution", AttributeSchema.optional(Type.STRING)
                .describedAs("\"cloudtrail\": name who changed a drifted object, from CloudTrail events"))),
        Map.of(
            "endpoints", new NestedBlock(BlockSchema.of(endpoints), NestedBlock.Nesting.SINGLE, 0, 1),
            "default_tags", new NestedBlock(
                BlockSchema.of(Map.of("tags", AttributeSchema.optional(Vals.STRING_MAP))),
                NestedBlock.Nesting.SINGLE, 0, 1),
            "assume_role", new NestedBlock(BlockSchema.of(Map.of(
                    "role_arn", AttributeSchema.required(Type.STRING),
                    "session_name", AttributeSchema.optional(Type.STRING),
                    "external_id", AttributeSchema.optional(Type.STRING),
                    "duration", AttributeSchema.optional(Type.STRING)
                        .describedAs("how long the assumed credentials last, e.g. \"1h\" (15m to 12h)"))),
                NestedBlock.Nesting.SINGLE, 0, 1)));
  }
}
