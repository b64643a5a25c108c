resource "kubernetes_manifest" "web" {
  name              = "web"
  replicas          = 3
  image_pull_policy = "Always"

  # a comment breaks nothing but the run it sits in
  a   = 1
  bbb = 2 # trailing
  cc  = 3 # aligned with the one above
}
