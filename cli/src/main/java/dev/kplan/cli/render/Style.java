package dev.kplan.cli.render;

/** ANSI colouring as Terraform's colorstring does it; a no-op when colour is off. */
final class Style {
  private static final String RESET = "\u001b[0m";

  private final boolean color;

  Style(boolean color) {
    this.color = color;
  }

  String bold(String s) {
    return wrap("\u001b[1m", s);
  }

  String green(String s) {
    return wrap("\u001b[32m", s);
  }

  String yellow(String s) {
    return wrap("\u001b[33m", s);
  }

  String red(String s) {
    return wrap("\u001b[31m", s);
  }

  String darkGray(String s) {
    return wrap("\u001b[90m", s);
  }

  String cyan(String s) {
    return wrap("\u001b[36m", s);
  }

  /** The one-character symbol of a nested diff line, coloured as Terraform does. */
  String symbol(DiffKind kind) {
    return switch (kind) {
      case CREATE -> green("+");
      case DELETE -> red("-");
      case UPDATE -> yellow("~");
      case NO_OP -> " ";
    };
  }

  private String wrap(String code, String s) {
    return color && !s.isEmpty() ? code + s + RESET : s;
  }
}
