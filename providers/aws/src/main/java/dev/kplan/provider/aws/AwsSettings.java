package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The evaluated {@code provider "aws"} block. Null fields were left out of the configuration: the SDK's own
 * chains (environment, shared files, instance metadata) decide them.
 */
record AwsSettings(
    String region, String profile, String accessKey, String secretKey, String token,
    List<String> sharedConfigFiles, List<String> sharedCredentialsFiles,
    Map<String, URI> endpoints, Map<String, String> defaultTags, int maxRetries, boolean s3UsePathStyle,
    boolean skipCredentialsValidation, boolean cloudTrailAttribution, AssumeRole assumeRole) {

  /** Terraform's default of 25 retries makes an unreachable endpoint hang for minutes; kplan tries 5 times. */
  static final int DEFAULT_MAX_RETRIES = 5;

  AwsSettings {
    sharedConfigFiles = List.copyOf(sharedConfigFiles);
    sharedCredentialsFiles = List.copyOf(sharedCredentialsFiles);
    endpoints = Map.copyOf(endpoints);
    defaultTags = Map.copyOf(defaultTags);
  }

  /** Reads the configuration; a bad endpoint URL is an {@link IllegalArgumentException} with a user message. */
  static AwsSettings of(ObjectValue config) {
    Map<String, URI> endpoints = new java.util.TreeMap<>();
    Map<String, String> urls = Vals.stringMap(Vals.get(config, "endpoints"));
    if (urls != null) {
      urls.forEach((service, url) -> {
        try {
          URI uri = new URI(url);
          if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoints." + service + " = \"" + url + "\" is not an absolute URL");
          }
          endpoints.put(service, uri);
        } catch (java.net.URISyntaxException e) {
          throw new IllegalArgumentException("endpoints." + service + " = \"" + url + "\" is not a URL: " + e.getReason());
        }
      });
    }
    Map<String, String> tags = Vals.stringMap(Vals.get(Vals.get(config, "default_tags"), "tags"));
    Integer retries = Vals.integer(config, "max_retries");
    if (retries != null && retries < 0) {
      throw new IllegalArgumentException("max_retries must be 0 or more, not " + retries);
    }
    String attribution = Vals.string(config, "drift_attribution");
    if (attribution != null && !attribution.equals("cloudtrail") && !attribution.equals("none")) {
      throw new IllegalArgumentException("drift_attribution must be \"cloudtrail\" or \"none\", not \"" + attribution
          + "\"");
    }
    return new AwsSettings(
        Vals.string(config, "region"), Vals.string(config, "profile"),
        Vals.string(config, "access_key"), Vals.string(config, "secret_key"), Vals.string(config, "token"),
        Vals.strings(Vals.get(config, "shared_config_files")), Vals.strings(Vals.get(config, "shared_credentials_files")),
        endpoints, tags == null ? Map.of() : tags, retries == null ? DEFAULT_MAX_RETRIES : retries,
        Boolean.TRUE.equals(Vals.bool(config, "s3_use_path_style")),
        Boolean.TRUE.equals(Vals.bool(config, "skip_credentials_validation")), "cloudtrail".equals(attribution),
        AssumeRole.of(Vals.get(config, "assume_role")));
  }
}
