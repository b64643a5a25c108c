package dev.kplan.cli.render;

/** What happens to one nested value in a diff: the symbol column of a rendered line. */
enum DiffKind {
  CREATE,
  DELETE,
  UPDATE,
  NO_OP
}
