package dev.kplan.provider.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM and resource policies compared as documents, not text. Two documents are equivalent when they
 * differ only in what AWS ignores: whitespace and key order; a single value versus a list of one (and
 * the order and repetition of list values); the order of statements; an absent or empty {@code Sid} or
 * {@code Condition}; an absent {@code Version} versus AWS's default "2008-10-17"; the case of action
 * names and condition keys; principal spellings ({@code "*"} ≡ {@code {"AWS":"*"}}, an account id ≡ its
 * root ARN); numbers and booleans in conditions versus their text.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** The version AWS assumes for a document without one. */
  static final String DEFAULT_VERSION = "2008-10-17";

  /** The canonical form of a policy as compact JSON; null when the text is not a JSON object. */
  static String canonical(String text) {
    JsonNode doc = parse(text);
    return doc == null ? null : JSON.writeValueAsString(document(doc));
  }

  /** Whether two policy texts mean the same; texts that are not JSON objects are compared trimmed. */
  static boolean equivalent(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    String ca = canonical(a);
    String cb = canonical(b);
    if (ca == null || cb == null) {
      return decode(a).trim().equals(decode(b).trim());
    }
    return ca.equals(cb);
  }

  /** What to store for a policy read from AWS: the prior text when it means the same, else the live text. */
  static String keepEquivalent(String prior, String live) {
    String decoded = live == null ? null : decode(live);
    return prior != null && decoded != null && equivalent(prior, decoded) ? prior : decoded;
  }

  /**
   * IAM returns documents URL-encoded (GetRole, GetRolePolicy, GetPolicyVersion); S3 and SNS return them as
   * they are. Decodes only text that does not already start as JSON.
   */
  static String decode(String text) {
    String t = text.trim();
    if (t.startsWith("{") || !t.contains("%")) {
      return text;
    }
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * The broad grants of a document, for security-sensitive drift: for each {@code Allow} statement, a
   * wildcard action ({@code *} or {@code service:*}), a wildcard resource, an everyone principal, and any
   * {@code NotAction}/{@code NotResource} (which allow everything but a list).
   */
  static Set<String> broadGrants(String text) {
    Set<String> out = new TreeSet<>();
    JsonNode doc = text == null ? null : parse(text);
    if (doc == null) {
      return out;
    }
    Map<String, Object> canon = document(doc);
    Object statements = canon.get("Statement");
    if (!(statements instanceof List<?> list)) {
      return out;
    }
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> s) || !"Allow".equals(s.get("Effect"))) {
        continue;
      }
      for (Object a : values(s.get("Action"))) {
        if (a.equals("*") || a.toString().endsWith(":*")) {
          out.add("action " + a);
        }
      }
      if (values(s.get("Resource")).contains("*")) {
        out.add("resource *");
      }
      if (s.get("Principal") instanceof Map<?, ?> p && values(p.get("AWS")).contains("*")) {
        out.add("principal *");
      }
      if (s.containsKey("NotAction")) {
        out.add("NotAction " + s.get("NotAction"));
      }
      if (s.containsKey("NotResource")) {
        out.add("NotResource " + s.get("NotResource"));
      }
    }
    return out;
  }

  private static List<?> values(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode n = JSON.readTree(decode(text));
      return n != null && n.isObject() ? n : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static Map<String, Object> document(JsonNode doc) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      if (e.getKey().equals("Statement")) {
        List<JsonNode> raw = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(raw::add);
        } else {
          raw.add(e.getValue());
        }
        // statement order carries no meaning: sort by canonical text, drop repeats
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (JsonNode s : raw) {
          Object c = s.isObject() ? statement(s) : generic(s);
          sorted.put(JSON.writeValueAsString(c), c);
        }
        out.put("Statement", new ArrayList<>(sorted.values()));
      } else if (!(e.getKey().equals("Id") && text(e.getValue()).isEmpty())) {
        out.put(e.getKey(), generic(e.getValue()));
      }
    }
    out.putIfAbsent("Version", DEFAULT_VERSION);
    return out;
  }

  private static Map<String, Object> statement(JsonNode s) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "Sid":
          if (!text(v).isEmpty()) {
            out.put(k, text(v));
          }
          break;
        case "Action":
        case "NotAction":
          out.put(k, set(v, true));
          break;
        case "Resource":
        case "NotResource":
          out.put(k, set(v, false));
          break;
        case "Principal":
        case "NotPrincipal":
          out.put(k, principal(v));
          break;
        case "Condition":
          Map<String, Object> c = condition(v);
          if (!c.isEmpty()) {
            out.put(k, c);
          }
          break;
        default:
          out.put(k, generic(v));
      }
    }
    return out;
  }

  private static Object principal(JsonNode v) {
    if (!v.isObject()) {
      // "*" is everyone, the same as {"AWS": "*"}
      return "*".equals(text(v)) ? new TreeMap<>(Map.of("AWS", List.of("*"))) : generic(v);
    }
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      List<String> ids = new ArrayList<>();
      for (String id : set(e.getValue(), false)) {
        ids.add(e.getKey().equals("AWS") && ACCOUNT_ID.matcher(id).matches() ? "arn:aws:iam::" + id + ":root" : id);
      }
      out.put(e.getKey(), new ArrayList<>(new TreeSet<>(ids)));
    }
    return out;
  }

  private static Map<String, Object> condition(JsonNode v) {
    Map<String, Object> out = new TreeMap<>();
    if (!v.isObject()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> op : v.properties()) {
      Map<String, Object> keys = new TreeMap<>();
      if (op.getValue().isObject()) {
        for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
          // condition keys are case-insensitive; their values are compared as text
          keys.put(key.getKey().toLowerCase(Locale.ROOT), set(key.getValue(), false));
        }
      }
      if (!keys.isEmpty()) {
        out.put(op.getKey(), keys);
      }
    }
    return out;
  }

  /** A value or list of values as a sorted list of distinct texts (lower-case for action names). */
  private static List<String> set(JsonNode v, boolean lower) {
    TreeSet<String> out = new TreeSet<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(lower ? text(x).toLowerCase(Locale.ROOT) : text(x)));
    } else if (!v.isNull()) {
      out.add(lower ? text(v).toLowerCase(Locale.ROOT) : text(v));
    }
    return new ArrayList<>(out);
  }

  private static Object generic(JsonNode v) {
    if (v.isObject()) {
      Map<String, Object> out = new TreeMap<>();
      v.properties().forEach(e -> out.put(e.getKey(), generic(e.getValue())));
      return out;
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      v.forEach(x -> out.add(generic(x)));
      return out;
    }
    return v.isNull() ? null : text(v);
  }

  private static String text(JsonNode v) {
    return v.isString() ? v.stringValue() : v.isNull() ? "" : v.toString();
  }
}
