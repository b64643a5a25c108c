resource "local_file" "motd" {
  content  = <<-EOT
      Welcome to ${var.host}!
        %{for u in var.users~}
        - ${u}
        %{endfor~}
    EOT
  filename = "motd.txt"
}
