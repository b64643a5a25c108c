lifecycle { create_before_destroy = true, prevent_destroy = true }
