package dev.kplan.engine.addrs;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads addresses as typed on the command line ({@code -target}, {@code -replace}) or stored in
 * state. A small hand-written scanner: names separated by dots, each optionally followed by an
 * index {@code [0]} or {@code ["key"]}.
 */
public final class AddressParser {
  private AddressParser() {}

  /** A parsed address, or null with the reason in {@code diagnostics}. */
  public record Result<T>(T value, Diagnostics diagnostics) {
    public boolean ok() {
      return value != null;
    }
  }

  private record Part(String name, InstanceKey key) {}

  static Result<ResourceAddress> resource(String text) {
    List<Part> parts = new ArrayList<>();
    String err = scan(text, parts);
    if (err != null) {
      return fail(text, err);
    }
    List<ModuleStep> module = new ArrayList<>();
    int[] at = {0};
    err = modulePrefix(parts, at, module);
    if (err != null) {
      return fail(text, err);
    }
    return resourceRest(text, parts, at[0], module);
  }

  static Result<ModuleAddress> module(String text) {
    List<Part> parts = new ArrayList<>();
    String err = scan(text, parts);
    List<ModuleStep> module = new ArrayList<>();
    int[] at = {0};
    if (err == null) {
      err = modulePrefix(parts, at, module);
    }
    if (err == null && (module.isEmpty() || at[0] != parts.size())) {
      err = "A module address has the form module.NAME, optionally with an index and further module steps.";
    }
    return err != null ? fail(text, err) : new Result<>(new ModuleAddress(module), Diagnostics.NONE);
  }

  /** A resource address, or a module address when nothing follows the module steps. */
  static Result<Targetable> targetable(String text) {
    List<Part> parts = new ArrayList<>();
    String err = scan(text, parts);
    if (err != null) {
      return fail(text, err);
    }
    List<ModuleStep> module = new ArrayList<>();
    int[] at = {0};
    err = modulePrefix(parts, at, module);
    if (err != null) {
      return fail(text, err);
    }
    if (!module.isEmpty() && at[0] == parts.size()) {
      return new Result<>(new ModuleAddress(module), Diagnostics.NONE);
    }
    Result<ResourceAddress> r = resourceRest(text, parts, at[0], module);
    return new Result<>(r.value(), r.diagnostics());
  }

  /** Reads leading {@code module.NAME[KEY]} steps from {@code parts[at]}; returns an error message or null. */
  private static String modulePrefix(List<Part> parts, int[] at, List<ModuleStep> module) {
    int i = at[0];
    while (i < parts.size() && parts.get(i).name().equals("module") && parts.get(i).key() instanceof InstanceKey.None) {
      if (i + 1 >= parts.size()) {
        return "Prefix \"module.\" must be followed by a module name.";
      }
      module.add(new ModuleStep(parts.get(i + 1).name(), parts.get(i + 1).key()));
      i += 2;
    }
    at[0] = i;
    return null;
  }

  private static Result<ResourceAddress> resourceRest(String text, List<Part> parts, int i, List<ModuleStep> module) {
    ResourceMode mode = ResourceMode.MANAGED;
    if (i < parts.size() && parts.get(i).name().equals("data") && parts.get(i).key() instanceof InstanceKey.None) {
      mode = ResourceMode.DATA;
      i++;
    }
    int left = parts.size() - i;
    if (left < 2) {
      return fail(text, mode == ResourceMode.DATA
          ? "Data source address must include both a type and a name."
          : "Resource specification must include a resource type and name.");
    }
    if (left > 2) {
      return fail(text, "Unexpected extra operators after address.");
    }
    Part type = parts.get(i);
    Part name = parts.get(i + 1);
    if (!(type.key() instanceof InstanceKey.None)) {
      return fail(text, "A resource type cannot have an index; the index belongs after the resource name.");
    }
    return new Result<>(new ResourceAddress(module, mode, type.name(), name.name(), name.key()), Diagnostics.NONE);
  }

  static Result<ProviderAddress> provider(String text) {
    List<Part> parts = new ArrayList<>();
    String err = scan(text, parts);
    List<String> module = new ArrayList<>();
    if (err == null) {
      List<ModuleStep> steps = new ArrayList<>();
      int[] at = {0};
      err = modulePrefix(parts, at, steps);
      if (err == null && steps.stream().anyMatch(st -> !(st.key() instanceof InstanceKey.None))) {
        err = "A provider configuration belongs to a module without count or for_each: its module steps have no index.";
      }
      module = ModuleAddress.names(steps);
      parts = parts.subList(at[0], parts.size());
    }
    if (err == null && (parts.size() < 2 || parts.size() > 3 || !parts.get(0).name().equals("provider"))) {
      err = "A provider address has the form provider.NAME or provider.NAME.ALIAS.";
    }
    if (err == null && parts.stream().anyMatch(p -> !(p.key() instanceof InstanceKey.None))) {
      err = "A provider address cannot have an index.";
    }
    if (err != null) {
      return new Result<>(null, Diagnostics.of(Diagnostic.error("Invalid provider address",
          "The address \"" + text + "\" is not valid: " + err, null)));
    }
    return new Result<>(new ProviderAddress(parts.get(1).name(), parts.size() == 3 ? parts.get(2).name() : null,
        module), Diagnostics.NONE);
  }

  private static <T> Result<T> fail(String text, String why) {
    return new Result<>(null, Diagnostics.of(Diagnostic.error("Invalid address",
        "The address \"" + text + "\" is not valid: " + why, null)));
  }

  /** Splits into parts; returns an error message or null. */
  private static String scan(String s, List<Part> out) {
    int i = 0;
    int n = s.length();
    while (true) {
      int start = i;
      while (i < n && isNameChar(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return i >= n ? "Expected a name at the end of the address." : "Unexpected character '" + s.charAt(i) + "'.";
      }
      if (!(Character.isLetter(s.charAt(start)) || s.charAt(start) == '_')) {
        return "The name \"" + s.substring(start, i) + "\" must start with a letter or underscore.";
      }
      String name = s.substring(start, i);
      InstanceKey key = InstanceKey.NONE;
      if (i < n && s.charAt(i) == '[') {
        int close;
        if (i + 1 < n && s.charAt(i + 1) == '"') {
          StringBuilder sb = new StringBuilder();
          int j = i + 2;
          boolean closed = false;
          while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) {
              char e = s.charAt(j + 1);
              switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                  if (j + 6 > n) {
                    return "Invalid escape sequence in index.";
                  }
                  sb.append((char) Integer.parseInt(s.substring(j + 2, j + 6), 16));
                  j += 4;
                }
                default -> sb.append(e);
              }
              j += 2;
            } else if (c == '"') {
              closed = true;
              break;
            } else if ((c == '$' || c == '%') && j + 2 < n && s.charAt(j + 1) == c && s.charAt(j + 2) == '{') {
              sb.append(c).append('{');
              j += 3;
            } else {
              sb.append(c);
              j++;
            }
          }
          if (!closed || j + 1 >= n || s.charAt(j + 1) != ']') {
            return "Unterminated index: an index key must be a quoted string or a whole number, followed by \"]\".";
          }
          key = InstanceKey.of(sb.toString());
          close = j + 1;
        } else {
          close = s.indexOf(']', i);
          if (close < 0) {
            return "Unterminated index: missing \"]\".";
          }
          String digits = s.substring(i + 1, close);
          if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return "An index must be a whole number or a quoted string, not \"" + digits + "\".";
          }
          key = InstanceKey.of(Integer.parseInt(digits));
        }
        i = close + 1;
      }
      out.add(new Part(name, key));
      if (i == n) {
        return null;
      }
      if (s.charAt(i) != '.') {
        return "Unexpected character '" + s.charAt(i) + "'.";
      }
      i++;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
