package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code aws_iam_policy_document} computed locally, in the JSON form Terraform writes. */
class PolicyDocumentDataSourceTest {
  static Value strings(String... xs) {
    return Value.set(Type.STRING, java.util.Arrays.stream(xs).map(Value::string).map(v -> (Value) v).toList());
  }

  static Value statement(Map<String, Value> m) {
    return Value.object(m);
  }

  static String minified(Map<String, Value> config) {
    Value v = PolicyDocumentDataSource.read(Vals.complete(PolicyDocumentDataSource.SCHEMA.block(), config));
    return Vals.string(v, "minified_json");
  }

  @Test
  void statementsBecomeJsonWithSortedSetsAndSingleValuesUnwrapped() {
    Value principal = Value.object(Map.of("type", Value.string("Service"),
        "identifiers", strings("lambda.amazonaws.com", "ec2.amazonaws.com")));
    Value condition = Value.object(Map.of("test", Value.string("Bool"), "variable", Value.string("aws:SecureTransport"),
        "values", Value.list(Type.STRING, List.of(Value.string("true")))));
    Value s = statement(Map.of("sid", Value.string("Assume"), "actions", strings("sts:AssumeRole"),
        "principals", Value.list(principal.type(), List.of(principal)),
        "condition", Value.list(condition.type(), List.of(condition))));
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Assume\",\"Effect\":\"Allow\","
        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"]},"
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}",
        minified(Map.of("statement", Value.list(s.type(), List.of(s)))));
  }

  @Test
  void everyoneIsWrittenAsAStar() {
    Value everyone = Value.object(Map.of("type", Value.string("*"), "identifiers", strings("*")));
    Value s = statement(Map.of("effect", Value.string("Deny"), "actions", strings("s3:*"), "resources", strings("*"),
        "principals", Value.list(everyone.type(), List.of(everyone))));
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\",\"Principal\":\"*\"}]}", minified(Map.of("statement", Value.list(s.type(), List.of(s)))));
  }

  @Test
  void sourceStatementsComeFirstAndOverridesReplaceBySid() {
    String source = "{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"a:A\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"b:B\",\"Resource\":\"*\"}]}";
    String override = "{\"Statement\":{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Action\":\"b:B\",\"Resource\":\"*\"}}";
    Value own = statement(Map.of("sid", Value.string("C"), "actions", strings("c:C"), "resources", strings("*")));
    String json = minified(Map.of(
        "source_policy_documents", Value.list(Type.STRING, List.of(Value.string(source))),
        "override_policy_documents", Value.list(Type.STRING, List.of(Value.string(override))),
        "statement", Value.list(own.type(), List.of(own))));
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"a:A\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Action\":\"b:B\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"C\",\"Effect\":\"Allow\",\"Action\":\"c:C\",\"Resource\":\"*\"}]}", json);
  }

  @Test
  void aBadEffectOrSourceIsAnError() {
    Value s = statement(Map.of("effect", Value.string("Permit"), "actions", strings("a:B")));
    assertThrows(IllegalArgumentException.class, () -> minified(Map.of("statement", Value.list(s.type(), List.of(s)))));
    assertThrows(IllegalArgumentException.class, () -> minified(Map.of(
        "source_policy_documents", Value.list(Type.STRING, List.of(Value.string("{not json"))))));
  }
}
