package dev.kplan.lang.functions;

import java.util.ArrayList;
import java.util.List;

/** Go's path/filepath lexical operations on slash-separated paths (Clean, Join, Base, Dir). */
final class GoPaths {
  private GoPaths() {}

  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    List<String> out = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  static String join(String... elems) {
    List<String> parts = new ArrayList<>();
    for (String e : elems) {
      if (!e.isEmpty()) {
        parts.add(e);
      }
    }
    return parts.isEmpty() ? "" : clean(String.join("/", parts));
  }

  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == 0) {
      return "/";
    }
    String p = path.substring(0, end);
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static String dir(String path) {
    int i = path.lastIndexOf('/');
    return clean(path.substring(0, i + 1));
  }

  static boolean isAbs(String path) {
    return path.startsWith("/");
  }

  /** mitchellh/go-homedir's Expand. */
  static String expandHome(String path) {
    if (path.isEmpty() || path.charAt(0) != '~') {
      return path;
    }
    if (path.length() > 1 && path.charAt(1) != '/' && path.charAt(1) != '\\') {
      throw new IllegalArgumentException("cannot expand user-specific home dir");
    }
    String home = System.getenv("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return join(home, path.substring(1));
  }

  /** filepath.Rel for a target inside base (what fileset needs), both cleaned. */
  static String rel(String base, String target) {
    if (base.equals(".")) {
      return target;
    }
    if (target.startsWith(base.endsWith("/") ? base : base + "/")) {
      return target.substring(base.endsWith("/") ? base.length() : base.length() + 1);
    }
    return java.nio.file.Path.of(base).toAbsolutePath().normalize()
        .relativize(java.nio.file.Path.of(target).toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
