package dev.kplan.provider.aws;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON arguments that are not policies (SNS filter policies…): equal when they parse to the same tree. */
final class JsonText {
  private JsonText() {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static boolean equivalent(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JacksonException e) {
      return a.trim().equals(b.trim());
    }
  }
}
