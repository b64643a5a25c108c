variable "replicas" {
  type    = number
  default = 3,
}

resource "kubernetes_manifest" "web" {
  manifest = {
    metadata = {
      name = "web"
      labels = { app = "web" tier = "front" }
    }
  }
  count = var.replicas +
}

output "name" {
  value = kubernetes_manifest.web[0].object.metadata.name
}

locals {
  bad = [for x in var.xs x]
  ok  = 1
}
%
