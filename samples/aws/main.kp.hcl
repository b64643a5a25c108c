# A small web service on AWS: a VPC with two public subnets, an internet gateway and a route table, a security
# group that opens only HTTPS, one instance, a private and encrypted bucket, the instance's IAM role, and an event
# queue fed by a topic.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "name" {
  type        = string
  default     = "shop"
  description = "A prefix for every name; buckets, roles and queues are global or per account, so each copy needs its own."
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

variable "ami" {
  type        = string
  description = "The instance's image (an image id of the region)."
}

provider "aws" {
  region            = var.region
  access_key        = var.aws_access_key
  secret_key        = var.aws_secret_key
  s3_use_path_style = var.aws_endpoint != null
  endpoints {
    ec2 = var.aws_endpoint
    s3  = var.aws_endpoint
    sqs = var.aws_endpoint
    sts = var.aws_endpoint
    iam = var.aws_endpoint
    sns = var.aws_endpoint
  }
  default_tags {
    tags = { app = var.name, managed-by = "kplan" }
  }
}

data "aws_caller_identity" "me" {}

data "aws_availability_zones" "up" {
  state = "available"
}
