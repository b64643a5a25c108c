replicas = 2
replicas = 3
