# A first kplan configuration: a few greeting files rendered from one template, written by the
# local provider under greetings/ and kept there: kplan plan reports any hand edit as drift.

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

# One file per greeting; kplan puts back any file edited or deleted by hand.
resource "local_file" "greeting" {
  for_each = var.greetings
  filename = "greetings/${each.key}.txt"
  content  = local.rendered[each.key]
}

# A random id that stays the same until the team changes.
resource "random_id" "run" {
  byte_length = 4
  keepers = {
    team = var.team
  }
}

# A record of this run, kept in the state only.
resource "kplan_data" "summary" {
  input = {
    team  = var.team
    run   = random_id.run.hex
    files = [for f in local_file.greeting : f.filename]
  }
}

output "files" {
  value       = kplan_data.summary.output.files
  description = "The greeting files written."
}

output "run_id" {
  value       = random_id.run.hex
  description = "Changes only when var.team does."
}
