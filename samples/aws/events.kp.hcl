# Events: the web service publishes to a topic; a queue subscribed to it keeps them for the workers.

resource "aws_sns_topic" "events" {
  name = "${var.name}-events"
}

resource "aws_sqs_queue" "events" {
  name                       = "${var.name}-events"
  visibility_timeout_seconds = 60
}

resource "aws_sns_topic_subscription" "events" {
  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.events.arn
  raw_message_delivery = true
}

output "bucket" {
  value = aws_s3_bucket.data.id
}

output "queue_url" {
  value = aws_sqs_queue.events.url
}

output "instance_id" {
  value = aws_instance.web.id
}
