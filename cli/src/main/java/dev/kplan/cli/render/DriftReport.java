package dev.kplan.cli.render;

import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Severity;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.Attribution;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON drift report of {@code kplan drift}: each drifted object with its classes and, per field, the old and
 * new value, who changed it, how and when; then the warnings of the refresh (unhealthy workloads, deprecated APIs).
 * A sensitive value is written as {@code null} with {@code "sensitive": true}: the report never carries a secret.
 * Each object names the provider configuration that manages it ({@code provider.kubernetes.staging}), so with many
 * clusters or accounts in one configuration the report says where the drift is.
 */
public final class DriftReport {
  public static final String FORMAT_VERSION = "1.0";
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).enable(SerializationFeature.INDENT_OUTPUT).build();

  private DriftReport() {}

  public static String render(List<Drift> drift, List<Diagnostic> diagnostics, String kplanVersion, Instant at) {
    return render(drift, Map.of(), diagnostics, kplanVersion, at);
  }

  /** {@code providers}: the provider address of each resource instance address, as the state records it. */
  public static String render(List<Drift> drift, Map<String, String> providers, List<Diagnostic> diagnostics,
      String kplanVersion, Instant at) {
    return JSON.writeValueAsString(tree(drift, providers, diagnostics, kplanVersion, at));
  }

  public static ObjectNode tree(List<Drift> drift, Map<String, String> providers, List<Diagnostic> diagnostics,
      String kplanVersion, Instant at) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("kplan_version", kplanVersion);
    root.put("time", at.toString());
    List<Drift> current = drift.stream().filter(d -> d.deposedKey() == null).toList();
    root.put("drifted", !current.isEmpty());
    ArrayNode objects = root.putArray("drift");
    for (Drift d : current) {
      ObjectNode o = objects.addObject();
      o.put("address", d.address().toString());
      String provider = providers.get(d.address().toString());
      if (provider != null) {
        o.put("provider", provider);
      }
      o.put("cause", d.cause() == DriftCause.DELETED || d.live().isNull() ? "deleted" : "updated");
      ArrayNode classes = o.putArray("classification");
      DriftFields.classes(d).forEach(classes::add);
      ArrayNode fields = o.putArray("fields");
      for (DriftFields.Field fd : DriftFields.of(d)) {
        Attribution a = fd.attribution();
        ObjectNode n = fields.addObject();
        n.put("path", DriftFields.pathText(a.path()));
        n.set("old", value(fd.before()));
        n.set("new", value(fd.after()));
        if (fd.sensitive()) {
          n.put("sensitive", true);
        }
        n.put("manager", a.manager());
        n.put("operation", a.operation().isEmpty() ? null : a.operation());
        n.put("time", a.time() == null ? null : a.time().toString());
        n.put("origin", a.origin().name().toLowerCase(Locale.ROOT));
        n.put("security_sensitive", a.securitySensitive());
        ArrayNode fc = n.putArray("classification");
        DriftFields.classes(a).forEach(fc::add);
      }
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Diagnostic g : diagnostics) {
      if (g.severity() == Severity.WARNING) {
        ObjectNode w = warnings.addObject();
        w.put("summary", g.summary());
        w.put("detail", g.detail());
      }
    }
    return root;
  }

  private static JsonNode value(Value v) {
    if (v == null || v.isNull() || !v.isWhollyKnown()) {
      return JsonNodeFactory.instance.nullNode();
    }
    return JSON.readTree(JsonCodec.encode(ValueMarks.unmarkDeep(v)));
  }
}
