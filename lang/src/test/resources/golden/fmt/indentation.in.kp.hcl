resource aws_security_group web {
name = "web"
    ingress {
	from_port = 443
          cidr_blocks = [
"10.0.0.0/8",
            "192.168.0.0/16",
    ]
        }
  tags = {
  Name = "web"
      Env="prod"
  }
}
