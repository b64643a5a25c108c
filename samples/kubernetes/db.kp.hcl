# PostgreSQL: a headless Service, a StatefulSet with a claim per replica, a policy that lets only the web pods in,
# and a nightly clean-up job.

resource "kubernetes_manifest" "db_service" {
  manifest = {
    apiVersion = "v1"
    kind       = "Service"
    metadata   = { name = "db", namespace = local.ns, labels = local.labels }
    spec = {
      clusterIP = "None"
      selector  = { app = "db" }
      ports     = [{ name = "postgres", port = 5432, protocol = "TCP" }]
    }
  }
}

resource "kubernetes_manifest" "db" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "StatefulSet"
    metadata   = { name = "db", namespace = local.ns, labels = merge(local.labels, { app = "db" }) }
    spec = {
      serviceName = kubernetes_manifest.db_service.manifest.metadata.name
      replicas    = 1
      selector    = { matchLabels = { app = "db" } }
      template = {
        metadata = { labels = merge(local.labels, { app = "db" }) }
        spec = {
          containers = [{
            name  = "postgres"
            image = "postgres:16.4"
            ports = [{ name = "postgres", containerPort = 5432 }]
            env = [{
              name      = "POSTGRES_PASSWORD"
              valueFrom = { secretKeyRef = { name = kubernetes_manifest.db_credentials.manifest.metadata.name, key = "password" } }
            }]
            volumeMounts = [{ name = "data", mountPath = "/var/lib/postgresql/data" }]
          }]
        }
      }
      volumeClaimTemplates = [{
        metadata = { name = "data" }
        spec = {
          accessModes = ["ReadWriteOnce"]
          resources   = { requests = { storage = "1Gi" } }
        }
      }]
    }
  }
  # the claim waits for a storage provisioner, which a bare cluster (the sandbox) lacks: do not block the apply
  wait {
    rollout = false
  }
}

resource "kubernetes_manifest" "db_network_policy" {
  manifest = {
    apiVersion = "networking.k8s.io/v1"
    kind       = "NetworkPolicy"
    metadata   = { name = "db", namespace = local.ns, labels = local.labels }
    spec = {
      podSelector = { matchLabels = { app = "db" } }
      policyTypes = ["Ingress"]
      ingress = [{
        from  = [{ podSelector = { matchLabels = { app = "web" } } }]
        ports = [{ port = 5432, protocol = "TCP" }]
      }]
    }
  }
}

resource "kubernetes_manifest" "cleanup" {
  manifest = {
    apiVersion = "batch/v1"
    kind       = "CronJob"
    metadata   = { name = "expired-carts", namespace = local.ns, labels = local.labels }
    spec = {
      schedule          = "30 3 * * *"
      concurrencyPolicy = "Forbid"
      jobTemplate = {
        spec = {
          backoffLimit = 2
          template = {
            spec = {
              restartPolicy = "Never"
              containers = [{
                name    = "cleanup"
                image   = "ghcr.io/example/shop-jobs:2.4.1"
                args    = ["expire-carts", "--older-than=72h"]
                envFrom = [{ configMapRef = { name = kubernetes_manifest.settings.manifest.metadata.name } }]
              }]
            }
          }
        }
      }
    }
  }
}
