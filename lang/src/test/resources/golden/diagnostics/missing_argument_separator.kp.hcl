value = max(1 2)
