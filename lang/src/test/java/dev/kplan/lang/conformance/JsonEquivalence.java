package dev.kplan.lang.conformance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON equality as the conformance tests need it: exact for everything but non-integer numbers,
 * which may differ in the last digits (cty prints up to 512-bit precision, the docs print float64
 * digits); arrays optionally compared as multisets.
 */
final class JsonEquivalence {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();
  private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-12");

  private JsonEquivalence() {}

  static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static boolean equivalent(String expectedJson, String actualJson, boolean unordered) {
    return equivalent(parse(expectedJson), parse(actualJson), unordered);
  }

  /** {@code unordered} applies to the top-level array only (a set result). */
  static boolean equivalent(JsonNode expected, JsonNode actual, boolean unordered) {
    if (unordered && expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      List<JsonNode> remaining = new ArrayList<>();
      actual.forEach(remaining::add);
      for (JsonNode e : expected) {
        Iterator<JsonNode> it = remaining.iterator();
        boolean found = false;
        while (it.hasNext()) {
          if (equivalent(e, it.next(), false)) {
            it.remove();
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return numbersMatch(expected.decimalValue(), actual.decimalValue());
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!equivalent(expected.get(i), actual.get(i), false)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        JsonNode other = actual.get(e.getKey());
        if (other == null || !equivalent(e.getValue(), other, false)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  static boolean numbersMatch(BigDecimal a, BigDecimal b) {
    if (a.compareTo(b) == 0) {
      return true;
    }
    boolean bothIntegers = a.stripTrailingZeros().scale() <= 0 && b.stripTrailingZeros().scale() <= 0;
    if (bothIntegers) {
      return false;
    }
    BigDecimal scale = a.abs().max(b.abs());
    return a.subtract(b).abs().compareTo(scale.multiply(RELATIVE_TOLERANCE, MathContext.DECIMAL64)) <= 0;
  }
}
