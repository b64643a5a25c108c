# One configuration across both providers: an application's S3 bucket and the IAM role it works as on AWS, and on
# Kubernetes its namespace, a ServiceAccount annotated with the role's ARN (as EKS's IAM roles for service accounts
# read it) and a ConfigMap that tells the application its bucket.

variable "name" {
  type        = string
  default     = "reports"
  description = "The application: its namespace, role, ServiceAccount and bucket prefix."
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "aws_endpoint" {
  type        = string
  default     = null
  description = "One URL for every AWS service (an emulator such as the sandbox's moto); null: AWS itself. Set it with KPLAN_VAR_aws_endpoint=$AWS_ENDPOINT_URL."
}

variable "aws_access_key" {
  type        = string
  default     = null
  sensitive   = true
  description = "Static credentials (with aws_secret_key); null: the SDK's chain (AWS_ACCESS_KEY_ID…, profiles, roles)."
}

variable "aws_secret_key" {
  type      = string
  default   = null
  sensitive = true
}

variable "kubeconfig" {
  type        = string
  default     = null
  description = "A kubeconfig; null: the one KUBECONFIG names (the sandbox's env file sets it)."
}

provider "aws" {
  region            = var.region
  access_key        = var.aws_access_key
  secret_key        = var.aws_secret_key
  s3_use_path_style = var.aws_endpoint != null
  endpoints {
    s3  = var.aws_endpoint
    sts = var.aws_endpoint
    iam = var.aws_endpoint
  }
  default_tags {
    tags = { app = var.name }
  }
}

provider "kubernetes" {
  config_path = var.kubeconfig
}

data "aws_caller_identity" "me" {}

# AWS: the bucket and the role the application's pods assume.

resource "aws_s3_bucket" "reports" {
  bucket = "${var.name}-${data.aws_caller_identity.me.account_id}"
  tags   = { retention = "90d" }
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_role" "app" {
  name = "${var.name}-app"
  # who may assume it: the cluster's service account, through web identity federation
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:oidc-provider/oidc.example.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "oidc.example.com:sub" = "system:serviceaccount:${var.name}:app" } }
    }]
  })
}

resource "aws_iam_role_policy" "write_reports" {
  role = aws_iam_role.app.id
  name = "write-reports"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.reports.arn}/*" }]
  })
}

# Kubernetes: the application's namespace, identity and settings, pointing at the AWS objects above.

resource "kubernetes_manifest" "namespace" {
  manifest = {
    apiVersion = "v1"
    kind       = "Namespace"
    metadata   = { name = var.name }
  }
}

resource "kubernetes_manifest" "service_account" {
  manifest = {
    apiVersion = "v1"
    kind       = "ServiceAccount"
    metadata = {
      name        = "app"
      namespace   = kubernetes_manifest.namespace.manifest.metadata.name
      annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.app.arn }
    }
  }
}

resource "kubernetes_manifest" "settings" {
  manifest = {
    apiVersion = "v1"
    kind       = "ConfigMap"
    metadata   = { name = "app-settings", namespace = kubernetes_manifest.namespace.manifest.metadata.name }
    data = {
      REPORTS_BUCKET = aws_s3_bucket.reports.id
      AWS_REGION     = var.region
    }
  }
}

output "bucket" {
  value = aws_s3_bucket.reports.id
}

output "role_arn" {
  value = aws_iam_role.app.arn
}
