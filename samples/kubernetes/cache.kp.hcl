# The shop's own kind: cache policies for its services. The CustomResourceDefinition gives its fields defaults,
# which the API server fills in; kplan creates the definition and both policies in one apply, the definition first.

resource "kubernetes_manifest" "cache_policy_crd" {
  manifest = {
    apiVersion = "apiextensions.k8s.io/v1"
    kind       = "CustomResourceDefinition"
    metadata   = { name = "cachepolicies.${var.api_group}", labels = local.labels }
    spec = {
      group = var.api_group
      scope = "Namespaced"
      names = { plural = "cachepolicies", singular = "cachepolicy", kind = "CachePolicy", listKind = "CachePolicyList" }
      versions = [{
        name    = "v1"
        served  = true
        storage = true
        schema = {
          openAPIV3Schema = {
            type = "object"
            properties = {
              spec = {
                type     = "object"
                required = ["target"]
                properties = {
                  target     = { type = "string" }
                  ttlSeconds = { type = "integer", minimum = 1, default = 300 }
                  eviction   = { type = "string", enum = ["lru", "lfu"], default = "lru" }
                  warmUp     = { type = "boolean", default = false }
                }
              }
            }
          }
        }
      }]
    }
  }
}

# only the target: ttlSeconds, eviction and warmUp come from the schema's defaults
resource "kubernetes_manifest" "session_cache" {
  manifest = {
    apiVersion = "${var.api_group}/v1"
    kind       = "CachePolicy"
    metadata   = { name = "sessions", namespace = local.ns, labels = local.labels }
    spec       = { target = "sessions" }
  }
}

resource "kubernetes_manifest" "catalog_cache" {
  manifest = {
    apiVersion = "${var.api_group}/v1"
    kind       = "CachePolicy"
    metadata   = { name = "catalog", namespace = local.ns, labels = local.labels }
    spec       = { target = "catalog", ttlSeconds = 3600, eviction = "lfu" }
  }
}
