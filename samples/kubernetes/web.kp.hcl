# The storefront: configuration, credentials, its own identity, the Deployment, and how traffic reaches it.

resource "kubernetes_manifest" "settings" {
  manifest = {
    apiVersion = "v1"
    kind       = "ConfigMap"
    metadata   = { name = "web-settings", namespace = local.ns, labels = local.labels }
    data = {
      LOG_LEVEL     = "info"
      CATALOG_URL   = "http://catalog.${var.namespace}.svc:8080"
      FEATURE_FLAGS = "checkout-v2,wishlist"
    }
  }
}

resource "kubernetes_manifest" "db_credentials" {
  manifest = {
    apiVersion = "v1"
    kind       = "Secret"
    metadata   = { name = "db-credentials", namespace = local.ns, labels = local.labels }
    type       = "Opaque"
    # data (base64), not stringData: only data is read back, so only data shows drift
    data = { username = base64encode("shop"), password = base64encode(var.db_password) }
  }
}

resource "kubernetes_manifest" "web_account" {
  manifest = {
    apiVersion = "v1"
    kind       = "ServiceAccount"
    metadata   = { name = "web", namespace = local.ns, labels = local.labels }
  }
}

resource "kubernetes_manifest" "web_role" {
  manifest = {
    apiVersion = "rbac.authorization.k8s.io/v1"
    kind       = "Role"
    metadata   = { name = "web-read-settings", namespace = local.ns, labels = local.labels }
    rules = [{
      apiGroups     = [""]
      resources     = ["configmaps"]
      resourceNames = ["web-settings"]
      verbs         = ["get", "watch"]
    }]
  }
}

resource "kubernetes_manifest" "web_role_binding" {
  manifest = {
    apiVersion = "rbac.authorization.k8s.io/v1"
    kind       = "RoleBinding"
    metadata   = { name = "web-read-settings", namespace = local.ns, labels = local.labels }
    roleRef = {
      apiGroup = "rbac.authorization.k8s.io"
      kind     = "Role"
      name     = kubernetes_manifest.web_role.manifest.metadata.name
    }
    subjects = [{ kind = "ServiceAccount", name = "web", namespace = local.ns }]
  }
}

resource "kubernetes_manifest" "web" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { name = "web", namespace = local.ns, labels = merge(local.labels, { app = "web" }) }
    spec = {
      replicas = 3
      selector = { matchLabels = { app = "web" } }
      template = {
        metadata = { labels = merge(local.labels, { app = "web" }) }
        spec = {
          serviceAccountName = kubernetes_manifest.web_account.manifest.metadata.name
          securityContext    = { runAsNonRoot = true, runAsUser = 10001 }
          containers = [{
            name    = "web"
            image   = "ghcr.io/example/shop-web:2.4.1"
            ports   = [{ name = "http", containerPort = 8080 }]
            envFrom = [{ configMapRef = { name = kubernetes_manifest.settings.manifest.metadata.name } }]
            env = [{
              name      = "DB_PASSWORD"
              valueFrom = { secretKeyRef = { name = kubernetes_manifest.db_credentials.manifest.metadata.name, key = "password" } }
            }]
            resources = {
              requests = { cpu = "250m", memory = "256Mi" }
              limits   = { memory = "512Mi" }
            }
            securityContext = { allowPrivilegeEscalation = false, readOnlyRootFilesystem = true }
          }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "web_service" {
  manifest = {
    apiVersion = "v1"
    kind       = "Service"
    metadata   = { name = "web", namespace = local.ns, labels = local.labels }
    spec = {
      type     = "ClusterIP"
      selector = { app = "web" }
      ports    = [{ name = "http", port = 80, targetPort = "http", protocol = "TCP" }]
    }
  }
}

resource "kubernetes_manifest" "web_ingress" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "Ingress"
    metadata   = { name = "web", namespace = local.ns, labels = local.labels }
    spec = {
      rules = [{
        host = "shop.example.com"
        http = {
          paths = [{
            path     = "/"
            pathType = "Prefix"
            backend  = { service = { name = kubernetes_manifest.web_service.manifest.metadata.name, port = { name = "http" } } }
          }]
        }
      }]
    }
  }
}

resource "kubernetes_manifest" "web_autoscaler" {
  manifest = {
    apiVersion = "autoscaling/v2"
    kind       = "HorizontalPodAutoscaler"
    metadata   = { name = "web", namespace = local.ns, labels = local.labels }
    spec = {
      scaleTargetRef = { apiVersion = "apps/v1", kind = "Deployment", name = kubernetes_manifest.web.manifest.metadata.name }
      minReplicas    = 3
      maxReplicas    = 10
      metrics = [{
        type     = "Resource"
        resource = { name = "cpu", target = { type = "Utilization", averageUtilization = 70 } }
      }]
    }
  }
}

resource "kubernetes_manifest" "web_network_policy" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata   = { name = "web", namespace = local.ns, labels = local.labels }
    spec = {
      podSelector = { matchLabels = { app = "web" } }
      policyTypes = ["Ingress"]
      ingress     = [{ ports = [{ port = 8080, protocol = "TCP" }] }]
    }
  }
}
