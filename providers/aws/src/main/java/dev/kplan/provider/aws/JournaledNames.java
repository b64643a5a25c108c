package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Names that a create would make up (a generated {@code kplan-…} name, a client token) are made up when kplan asks
 * for the planned identity instead, so that the journal holds them and the create uses exactly them: a lookup after
 * an interrupted apply then asks for one name rather than searching.
 */
final class JournaledNames {
  private JournaledNames() {}

  /** The address tag and {@code key}: the configured {@code attribute}, else a name from {@code generate}. */
  static Map<String, String> identity(ObjectValue planned, String address, String attribute, String key,
      Supplier<String> generate) {
    Map<String, String> id = new TreeMap<>(Map.of(Tags.ADDRESS, address));
    String given = attribute == null ? null : Vals.string(planned, attribute);
    id.put(key, given != null ? given : generate.get());
    return id;
  }

  /** The configured {@code attribute}, else the journaled {@code key}, else (no journal: a test, an old engine) a new one. */
  static String name(ObjectValue planned, String attribute, Map<String, String> identity, String key,
      Supplier<String> generate) {
    String given = attribute == null ? null : Vals.string(planned, attribute);
    if (given != null) {
      return given;
    }
    String journaled = identity.get(key);
    return journaled != null ? journaled : generate.get();
  }
}
