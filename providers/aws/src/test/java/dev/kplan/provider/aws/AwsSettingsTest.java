package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {
  static AwsSettings settings(Map<String, Value> config) {
    return AwsSettings.of(Vals.complete(ProviderConfigSchema.schema(), config));
  }

  @Test
  void cloudTrailAttributionIsOffUnlessAsked() {
    assertFalse(settings(Map.of()).cloudTrailAttribution());
    assertFalse(settings(Map.of("drift_attribution", Value.string("none"))).cloudTrailAttribution());
    assertTrue(settings(Map.of("drift_attribution", Value.string("cloudtrail"))).cloudTrailAttribution());
  }

  @Test
  void anUnknownAttributionSourceIsAnErrorNamingTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> settings(Map.of("drift_attribution", Value.string("config"))));
    assertEquals("drift_attribution must be \"cloudtrail\" or \"none\", not \"config\"", e.getMessage());
  }

  @Test
  void everyServiceEndpointCanBeOverridden() {
    Map<String, Value> endpoints = new java.util.LinkedHashMap<>();
    for (String s : ProviderConfigSchema.SERVICES) {
      endpoints.put(s, Value.string("http://127.0.0.1:1/" + s));
    }
    AwsSettings s = settings(Map.of("endpoints",
        Vals.complete(ProviderConfigSchema.schema().blocks().get("endpoints").block(), endpoints)));
    assertTrue(s.endpoints().keySet().containsAll(java.util.List.of("iam", "sns", "dynamodb", "route53", "cloudtrail")));
  }
}
