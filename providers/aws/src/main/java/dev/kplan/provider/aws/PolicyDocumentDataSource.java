package dev.kplan.provider.aws;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code data "aws_iam_policy_document"}: an IAM policy written as HCL blocks, computed locally as
 * Terraform does (no AWS call). {@code json} holds the document with keys in Terraform's order, sets
 * sorted, and one-element lists written as a single value; {@code source_policy_documents} add their
 * statements first and {@code override_policy_documents} replace statements by {@code sid}.
 */
final class PolicyDocumentDataSource {
  private PolicyDocumentDataSource() {}

  static final String NAME = "aws_iam_policy_document";

  private static final Type STRINGS = new SetType(Type.STRING);
  private static final BlockSchema PRINCIPALS = BlockSchema.of(Map.of(
      "type", AttributeSchema.required(Type.STRING),
      "identifiers", AttributeSchema.required(STRINGS)));
  private static final BlockSchema CONDITION = BlockSchema.of(Map.of(
      "test", AttributeSchema.required(Type.STRING),
      "variable", AttributeSchema.required(Type.STRING),
      "values", AttributeSchema.required(new ListType(Type.STRING))));
  private static final BlockSchema STATEMENT = new BlockSchema(
      Map.of(
          "sid", AttributeSchema.optional(Type.STRING),
          "effect", AttributeSchema.optional(Type.STRING),
          "actions", AttributeSchema.optional(STRINGS),
          "not_actions", AttributeSchema.optional(STRINGS),
          "resources", AttributeSchema.optional(STRINGS),
          "not_resources", AttributeSchema.optional(STRINGS)),
      Map.of(
          "principals", new NestedBlock(PRINCIPALS, NestedBlock.Nesting.LIST, 0, 0),
          "not_principals", new NestedBlock(PRINCIPALS, NestedBlock.Nesting.LIST, 0, 0),
          "condition", new NestedBlock(CONDITION, NestedBlock.Nesting.LIST, 0, 0)));

  static final ResourceSchema SCHEMA = ResourceSchema.of(new BlockSchema(
      Map.of(
          "version", AttributeSchema.optional(Type.STRING),
          "policy_id", AttributeSchema.optional(Type.STRING),
          "source_policy_documents", AttributeSchema.optional(new ListType(Type.STRING)),
          "override_policy_documents", AttributeSchema.optional(new ListType(Type.STRING)),
          "json", AttributeSchema.computed(Type.STRING),
          "minified_json", AttributeSchema.computed(Type.STRING),
          "id", AttributeSchema.computed(Type.STRING)),
      Map.of("statement", new NestedBlock(STATEMENT, NestedBlock.Nesting.LIST, 0, 0))));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The data source's state for {@code config}; an {@link IllegalArgumentException} says what is wrong. */
  static Value read(Value config) {
    Map<String, Object> doc = new LinkedHashMap<>();
    String version = Vals.string(config, "version");
    doc.put("Version", version == null ? "2012-10-17" : version);
    String id = Vals.string(config, "policy_id");
    if (id != null) {
      doc.put("Id", id);
    }
    List<Map<String, Object>> statements = new ArrayList<>();
    for (String source : Vals.strings(Vals.get(config, "source_policy_documents"))) {
      merge(statements, statementsOf(source, "source_policy_documents"));
    }
    List<Map<String, Object>> own = new ArrayList<>();
    for (Value s : elements(Vals.get(config, "statement"))) {
      own.add(statement(s));
    }
    merge(statements, own);
    for (String override : Vals.strings(Vals.get(config, "override_policy_documents"))) {
      merge(statements, statementsOf(override, "override_policy_documents"));
    }
    doc.put("Statement", statements);
    String pretty = PRETTY.writeValueAsString(doc);
    String minified = JSON.writeValueAsString(doc);
    Map<String, Value> m = new LinkedHashMap<>(Vals.object(config).attributes());
    m.put("json", Value.string(pretty));
    m.put("minified_json", Value.string(minified));
    m.put("id", Value.string(Integer.toUnsignedString(minified.hashCode())));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** Adds {@code next} to {@code into}: a statement whose sid is already there replaces it in place. */
  private static void merge(List<Map<String, Object>> into, List<Map<String, Object>> next) {
    for (Map<String, Object> s : next) {
      Object sid = s.get("Sid");
      int at = -1;
      for (int i = 0; sid != null && i < into.size(); i++) {
        if (sid.equals(into.get(i).get("Sid"))) {
          at = i;
        }
      }
      if (at >= 0) {
        into.set(at, s);
      } else {
        into.add(s);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statementsOf(String json, String where) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(where + " holds a document that is not JSON: " + e.getOriginalMessage());
    }
    JsonNode s = doc.get("Statement");
    List<Map<String, Object>> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    for (JsonNode x : s.isArray() ? s : JSON.createArrayNode().add(s)) {
      out.add(JSON.convertValue(x, LinkedHashMap.class));
    }
    return out;
  }

  private static Map<String, Object> statement(Value s) {
    Map<String, Object> out = new LinkedHashMap<>();
    String sid = Vals.string(s, "sid");
    if (sid != null && !sid.isEmpty()) {
      out.put("Sid", sid);
    }
    String effect = Vals.string(s, "effect");
    if (effect != null && !effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException("statement effect must be \"Allow\" or \"Deny\", not \"" + effect + "\"");
    }
    out.put("Effect", effect == null ? "Allow" : effect);
    putValues(out, "Action", Vals.strings(Vals.get(s, "actions")));
    putValues(out, "NotAction", Vals.strings(Vals.get(s, "not_actions")));
    putValues(out, "Resource", Vals.strings(Vals.get(s, "resources")));
    putValues(out, "NotResource", Vals.strings(Vals.get(s, "not_resources")));
    putPrincipals(out, "Principal", Vals.get(s, "principals"));
    putPrincipals(out, "NotPrincipal", Vals.get(s, "not_principals"));
    Map<String, Map<String, Object>> condition = new TreeMap<>();
    for (Value c : elements(Vals.get(s, "condition"))) {
      Map<String, Object> byVariable = condition.computeIfAbsent(Vals.string(c, "test"), k -> new TreeMap<>());
      List<String> values = new ArrayList<>(Vals.strings(Vals.get(c, "values")));
      Object before = byVariable.get(Vals.string(c, "variable"));
      if (before != null) {
        List<String> merged = new ArrayList<>(before instanceof List<?> l ? (List<String>) l : List.of((String) before));
        merged.addAll(values);
        values = merged;
      }
      byVariable.put(Vals.string(c, "variable"), one(values));
    }
    if (!condition.isEmpty()) {
      out.put("Condition", condition);
    }
    return out;
  }

  private static void putPrincipals(Map<String, Object> out, String key, Value blocks) {
    Map<String, TreeSet<String>> byType = new TreeMap<>();
    for (Value p : elements(blocks)) {
      byType.computeIfAbsent(Vals.string(p, "type"), k -> new TreeSet<>()).addAll(Vals.strings(Vals.get(p, "identifiers")));
    }
    if (byType.isEmpty()) {
      return;
    }
    // a principal of type "*" with identifier "*" is everyone, written "*" as Terraform does
    if (byType.size() == 1 && byType.containsKey("*")) {
      out.put(key, "*");
      return;
    }
    Map<String, Object> m = new TreeMap<>();
    byType.forEach((type, ids) -> m.put(type, one(new ArrayList<>(ids))));
    out.put(key, m);
  }

  private static void putValues(Map<String, Object> out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.put(key, one(new ArrayList<>(new TreeSet<>(values))));
    }
  }

  private static Object one(List<String> values) {
    return values.size() == 1 ? values.get(0) : values;
  }

  private static List<Value> elements(Value v) {
    return v instanceof ListValue l ? l.elements() : v instanceof SetValue s ? s.elements()
        : v instanceof TupleValue t ? t.elements() : List.of();
  }
}
