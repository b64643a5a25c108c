locals {
  a=1+2*3
  b = - 1
  c = [1,2,3]
  d = {a=1, b=2}
  e = f(1,2)
  g = x [0]
  h = a?b:c
  i = [for x in xs: x if x>1]
  j = {for k, v in m: k=>v...}
  k = "${var.name}"
  l = "prefix-${var.name}"
  m = !true && (1 != 2) || 3 <= 4
  n = var.list[*].id
  o = concat(xs...)
  p = a.b.c[0].d
}
