# The shop's data: a private bucket (versioned, encrypted, public access blocked, readable only by the web role)
# and the instance's IAM role with an inline and an attached policy.

resource "aws_s3_bucket" "data" {
  bucket = "${var.name}-data-${data.aws_caller_identity.me.account_id}"
  tags   = { tier = "data" }
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# jsonencode rather than an aws_iam_policy_document data source: a data source that depends on a resource with a
# pending change is read during apply, so drift of the bucket's tags would also show as a policy "known after apply".
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "WebReads"
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.web.arn }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.data.arn}/*"
    }]
  })
}

data "aws_iam_policy_document" "ec2_assumes" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "web" {
  name               = "${var.name}-web"
  assume_role_policy = data.aws_iam_policy_document.ec2_assumes.json
}

resource "aws_iam_role_policy" "read_data" {
  role = aws_iam_role.web.id
  name = "read-data"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"] }]
  })
}

resource "aws_iam_policy" "publish_events" {
  name = "${var.name}-publish-events"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sns:Publish", Resource = aws_sns_topic.events.arn }]
  })
}

resource "aws_iam_role_policy_attachment" "publish_events" {
  role       = aws_iam_role.web.name
  policy_arn = aws_iam_policy.publish_events.arn
}
