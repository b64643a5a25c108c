package dev.kplan.provider.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** A kind the API server serves: where its objects live ({@code plural}) and whether they belong to a namespace. */
record ApiResource(String group, String version, String kind, String plural, boolean namespaced) {
  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(namespaced).build();
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
