package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code kubernetes_manifest} keeps beside its state: the fields kplan owned after its last apply
 * ({@code fields}, managedFields' fieldsV1), the digest of the {@code object} it recorded then
 * ({@code applied}; a refreshed object with the same digest has not drifted), and whether the planned apply
 * must force conflicts ({@code force}: only to take back fields kplan owned before).
 */
record ManifestPrivate(FieldSet fields, String applied, boolean force) {
  static ManifestPrivate decode(String text) {
    if (text == null || text.isBlank()) {
      return new ManifestPrivate(FieldSet.EMPTY, "", false);
    }
    Value v = JsonCodec.decode(text);
    Value f = Values.at(v, "fields");
    return new ManifestPrivate(f.isNull() ? FieldSet.EMPTY : new FieldSet(Values.object(f)),
        String.valueOf(Values.string(v, "applied")), Boolean.TRUE.equals(Values.bool(v, "force")));
  }

  String encode() {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("fields", fields.tree());
    m.put("applied", Value.string(applied));
    m.put("force", Value.bool(force));
    return JsonCodec.encode(Value.object(m));
  }

  ManifestPrivate forcing(boolean f) {
    return new ManifestPrivate(fields, applied, f);
  }
}
