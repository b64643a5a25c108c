package dev.kplan.cli;

/** Facts about where output goes: colour only on a terminal, never with -no-color or NO_COLOR. */
final class Terminal {
  private Terminal() {}

  static boolean colorEnabled(boolean noColorFlag) {
    if (noColorFlag || System.getenv("NO_COLOR") != null) {
      return false;
    }
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  static boolean stdinIsTerminal() {
    return System.console() != null;
  }

  static boolean debugLogging() {
    String level = System.getenv("KPLAN_LOG");
    return level != null && (level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace"));
  }
}
