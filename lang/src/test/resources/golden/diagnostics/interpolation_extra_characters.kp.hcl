value = "${var.name:-default}"
