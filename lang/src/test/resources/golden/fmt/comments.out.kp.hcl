# top comment
/* block
   comment */
variable "x" { # on the opening line
  default = 1  // slash comment
  # inside
}

// indented wrongly
output "y" { value = var.x }
