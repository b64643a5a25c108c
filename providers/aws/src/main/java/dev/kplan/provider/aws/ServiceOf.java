package dev.kplan.provider.aws;

import java.util.Map;

/** The AWS service (endpoint name) behind a resource type, for messages that name the endpoint. */
final class ServiceOf {
  private ServiceOf() {}

  private static final Map<String, String> PREFIXES = Map.of(
      "aws_s3", "s3", "aws_sqs", "sqs", "aws_iam", "iam", "aws_sns", "sns", "aws_dynamodb", "dynamodb",
      "aws_route53", "route53");

  static String type(String typeName) {
    for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
      if (typeName.startsWith(e.getKey() + "_")) {
        return e.getValue();
      }
    }
    return "ec2";
  }
}
