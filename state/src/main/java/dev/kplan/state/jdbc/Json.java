package dev.kplan.state.jdbc;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON columns kplan itself encodes: a resource instance's dependency addresses, an intent's identity. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<java.util.Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private Json() {}

  static String strings(List<String> values) {
    return MAPPER.writeValueAsString(values);
  }

  /** Decodes a list written by {@link #strings}; text that is not one is a damaged row. */
  static List<String> strings(String json, String what) throws IllegalArgumentException {
    try {
      List<String> values = MAPPER.readValue(json, STRINGS);
      return values == null ? List.of() : values;
    } catch (JacksonException e) {
      throw new IllegalArgumentException(what + " is not a JSON list of strings: " + e.getOriginalMessage(), e);
    }
  }

  static String stringMap(java.util.Map<String, String> values) {
    return MAPPER.writeValueAsString(new java.util.TreeMap<>(values));
  }

  /** Decodes a map written by {@link #stringMap}; text that is not one is a damaged row. */
  static java.util.Map<String, String> stringMap(String json, String what) throws IllegalArgumentException {
    try {
      java.util.Map<String, String> values = MAPPER.readValue(json, STRING_MAP);
      return values == null ? java.util.Map.of() : values;
    } catch (JacksonException e) {
      throw new IllegalArgumentException(what + " is not a JSON object of strings: " + e.getOriginalMessage(), e);
    }
  }
}
