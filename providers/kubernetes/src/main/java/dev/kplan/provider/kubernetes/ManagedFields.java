package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The {@code metadata.managedFields} of a live object: who owns which fields, by which operation, since when. */
record ManagedFields(List<Entry> entries) {
  /** One manager's entry; {@code time} may be null. */
  record Entry(String manager, String operation, Instant time, FieldSet fields) {}

  static ManagedFields of(Value live) {
    List<Entry> out = new ArrayList<>();
    for (Value e : Values.elements(Values.at(live, "metadata", "managedFields"))) {
      String sub = Values.string(e, "subresource");
      if (sub != null && !sub.equals("scale")) {
        continue; // status: not the object kplan applies; scale owns spec.replicas (kubectl scale)
      }
      Value fs = Values.at(e, "fieldsV1");
      out.add(new Entry(String.valueOf(Values.string(e, "manager")), Values.string(e, "operation"),
          time(Values.string(e, "time")), fs.isNull() ? FieldSet.EMPTY : new FieldSet(Values.object(fs))));
    }
    return new ManagedFields(List.copyOf(out));
  }

  /** The fields {@code manager} owns through server-side apply (empty when it applied nothing). */
  FieldSet appliedBy(String manager) {
    for (Entry e : entries) {
      if (e.manager().equals(manager) && "Apply".equals(e.operation())) {
        return e.fields();
      }
    }
    return FieldSet.EMPTY;
  }

  private static Instant time(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
