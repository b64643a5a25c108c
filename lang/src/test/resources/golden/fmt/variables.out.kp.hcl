variable "a" {
  type = string
}

variable "b" {
  type = list(any)
}

variable "c" {
  type = map(string)
}

variable "d" {
  type    = map(string)
  default = {}
}
