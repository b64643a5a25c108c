# A small shop on Kubernetes: a web Deployment behind a Service and an Ingress, scaled by an HPA, a PostgreSQL
# StatefulSet with its own storage, a nightly CronJob, network policies, a ServiceAccount with a Role, and
# cache policies of the shop's own kind (a CustomResourceDefinition with schema defaults).

variable "namespace" {
  type    = string
  default = "shop"
}

variable "api_group" {
  type        = string
  default     = "shop.example.com"
  description = "The API group of the CachePolicy kind (cache.kp.hcl); a CRD is cluster-wide, so each copy of the shop needs its own."
}

variable "kubeconfig" {
  type        = string
  default     = null
  description = "A kubeconfig; null: the one KUBECONFIG names (the sandbox's env file sets it)."
}

variable "db_password" {
  type      = string
  default   = "correct-horse-battery-staple"
  sensitive = true
}

provider "kubernetes" {
  config_path    = var.kubeconfig
  human_managers = ["k9s", "Lens"]
}

locals {
  ns     = kubernetes_manifest.namespace.manifest.metadata.name
  labels = { "app.kubernetes.io/part-of" = "shop" }
}

resource "kubernetes_manifest" "namespace" {
  manifest = {
    apiVersion = "v1"
    kind       = "Namespace"
    metadata   = { name = var.namespace, labels = local.labels }
  }
}
