replicas =
port = 80
