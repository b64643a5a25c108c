resource "kubernetes_manifest" "web" {
  manifest = {}
