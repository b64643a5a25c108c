# A first kplan configuration: a few greeting files rendered from one template.

variable "team" {
  type        = string
  default     = "platform"
  description = "The team the greetings come from."
}

variable "greetings" {
  type = map(object({
    language = string
    text     = string
    shout    = optional(bool, false)
  }))
  default = {
    en = { language = "English", text = "Hello" }
    fr = { language = "French", text = "Bonjour", shout = true }
    de = { language = "German", text = "Hallo" }
  }
}

locals {
  rendered = {
    for code, g in var.greetings :
    code => "${g.shout ? upper(g.text) : g.text} from the ${var.team} team (${g.language})\n"
  }
  file_names = sort([for code in keys(var.greetings) : "greetings/${code}.txt"])
}
