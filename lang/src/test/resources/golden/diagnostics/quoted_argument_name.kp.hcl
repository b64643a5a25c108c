"replicas" = 3
